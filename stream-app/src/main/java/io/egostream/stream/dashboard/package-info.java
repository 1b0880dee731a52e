/**
 * What the live dashboard and its HTTP API read, kept by the analyzer's Kafka Streams tasks so that any instance
 * can answer for any camera (interactive queries, {@code application.server}):
 *
 * <ul>
 *   <li>{@code camera-activity} (key camera id, value {@link io.egostream.stream.dashboard.CameraActivity}):
 *       each camera's session, frame count, frame rate, lag and last event, written by
 *       {@link io.egostream.stream.dashboard.CameraActivityProcessor} from the frames topic and by
 *       {@link io.egostream.stream.dashboard.CameraTimelineProcessor} from the event topics;</li>
 *   <li>{@code camera-timeline} (key {@link io.egostream.stream.dashboard.TimelineKey}, value the event's JSON):
 *       each camera's recent events per task, a provisional event replaced when its final one arrives.</li>
 * </ul>
 *
 * <p>Both processors sit beside the analyzer and never change what it emits.
 */
package io.egostream.stream.dashboard;
