// The provisional/final replacement rule of the camera timeline (the server's CameraTimeline applies the same):
// - an event replaces the item with the same task, session and frame range, and for moments the same class (a
//   window's final replaces its provisional); a provisional event never replaces a final one;
// - a moment (MQ) also replaces the provisional moments of its session and class that overlap its span; the first
//   of them keeps its place (its uid), so a provisional moment turns final in place;
// - only the newest `perTask` items of each task are kept.
'use strict';

var TimelineRule = (function () {
  function classOf(e) {
    return e.labels && e.labels.length > 0 ? e.labels[0].id : -1;
  }

  function windowKey(e) {
    return e.task + '|' + e.sessionId + '|' + e.frames.first + '|' + e.frames.last
      + (e.task === 'MQ' ? '|' + classOf(e) : '');
  }

  function overlaps(a, b) {
    return a.time.startSeconds < b.time.endSeconds && b.time.startSeconds < a.time.endSeconds;
  }

  function Timeline(perTask) {
    this.perTask = perTask || 40;
    this.items = [];
    this.nextUid = 1;
  }

  // Applies one event; returns the item it became, or null when it was ignored.
  Timeline.prototype.apply = function (e) {
    var key = windowKey(e);
    var same = this.items.find(function (it) { return it.key === key; });
    if (same) {
      if (same.event.status === 'final' && e.status === 'provisional') {
        return null;
      }
      same.event = e;
      this.dropSuperseded(e, same);
      return same;
    }
    var item = null;
    if (e.task === 'MQ') {
      var self = this;
      var superseded = this.items.filter(function (it) { return self.supersedes(e, it); });
      if (superseded.length > 0) {
        item = superseded[0];
        item.key = key;
        item.event = e;
        this.items = this.items.filter(function (it) { return it === item || superseded.indexOf(it) < 0; });
      }
    }
    if (!item) {
      item = { uid: 'ev' + (this.nextUid++), key: key, event: e };
      this.items.push(item);
    }
    this.trim(e.task);
    return item;
  };

  Timeline.prototype.supersedes = function (e, it) {
    var o = it.event;
    return e.task === 'MQ' && o.task === 'MQ' && o.status === 'provisional' && o.sessionId === e.sessionId
      && classOf(o) === classOf(e) && overlaps(o, e) && it.key !== windowKey(e);
  };

  Timeline.prototype.dropSuperseded = function (e, keep) {
    var self = this;
    if (e.task === 'MQ') {
      this.items = this.items.filter(function (it) { return it === keep || !self.supersedes(e, it); });
    }
  };

  Timeline.prototype.trim = function (task) {
    var ofTask = this.items.filter(function (it) { return it.event.task === task; });
    if (ofTask.length <= this.perTask) {
      return;
    }
    ofTask.sort(function (a, b) {
      return a.event.sessionId - b.event.sessionId || a.event.frames.last - b.event.frames.last
        || a.event.frames.first - b.event.frames.first;
    });
    var drop = ofTask.slice(0, ofTask.length - this.perTask);
    this.items = this.items.filter(function (it) { return drop.indexOf(it) < 0; });
  };

  return { Timeline: Timeline };
})();
