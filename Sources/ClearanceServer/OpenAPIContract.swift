/// The server's contract, `openapi.yaml` at the root of the repository, built into the binary and served at `/openapi.yaml`.
public enum OpenAPIContract {
    /// The document's bytes.
    public static var bytes: [UInt8] { PackageResources.openapi_yaml }
}
