import ClearanceFuzzTargets
import FuzzSupport

/// libFuzzer's entry point: one input, see `FuzzEntry.expressionCompile`.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzEntry.expressionCompile(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
