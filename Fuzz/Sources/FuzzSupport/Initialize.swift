import ClearanceFuzzTargets

/// libFuzzer's set-up hook, shared by every target: builds the shared world, tables and caches
/// before the first input, so no input pays for them.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    FuzzEntry.warmUp()
    return 0
}
