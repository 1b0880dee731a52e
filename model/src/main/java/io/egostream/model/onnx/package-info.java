/**
 * A minimal pure-Java ONNX writer: the protobuf wire format written by hand ({@link
 * io.egostream.model.onnx.ProtoWriter}) and a graph builder for the operators the Hier-EgoPack step
 * functions need ({@link io.egostream.model.onnx.OnnxGraph}), serialised as an ONNX {@code ModelProto}
 * (IR version 8, default-domain opset 17). DJL has no ONNX exporter; this is what the evaluator uses to run
 * its step functions on DJL's OnnxRuntime engine. Imports only {@code java.*}.
 */
package io.egostream.model.onnx;
