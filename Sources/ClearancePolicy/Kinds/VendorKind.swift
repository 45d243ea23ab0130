/// The Vendor kind: a company that employs or supplies team members, `vendor` in expressions, `vendors` by id.
public enum VendorKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .vendor, bindingName: "vendor", shape: DocumentShapes.vendor, lookupName: "vendors",
        naming: SubjectNaming(details: [.init(["type"])], one: "vendor", many: "vendors", groupTitle: "Vendors"))
}
