/// The ManagedDevice kind: a device a device manager enrolls, as its inventory export shows it, `managed_device` in expressions;
/// its index gives each person's enrolled devices (`devices_of[member.id]`).
public enum ManagedDeviceKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .managedDevice, bindingName: "managed_device", shape: ObservedShapes.managedDevice,
        indexes: [KindIndex(name: "devices_of", path: ["person"], holds: .documents)],
        naming: SubjectNaming(name: ["id"], details: [.init(["name"]), .init(["person"], prefix: "person ")],
                              one: "managed device", many: "managed devices", groupTitle: "Managed devices"),
        isObserved: true)
}
