import ClearanceFuzzTargets
import FuzzSupport

/// libFuzzer's entry point: one input, see `FuzzEntry.yaml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func test(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzEntry.yaml(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
