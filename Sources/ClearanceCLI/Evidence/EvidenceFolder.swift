import ClearanceCore
import ClearanceHistory

/// Writes the evidence package's files into its folder, all of them or none.
enum EvidenceFolder {
    /// The files' names, in the order written.
    static let fileNames = ["leavers.csv", "revocations.csv", "reviews.csv", "sample.csv", "runs.csv", "evidence.json", "index.html"]

    /// Writes every file of `package` into `folder`; a folder that is a symbolic link is not followed (exit 2), and
    /// each file is written whole beside its name and renamed into place, replacing a link there rather than writing through it.
    static func write(_ package: EvidencePackage, to folder: String) throws {
        if OutputPlan.isSymbolicLink(folder) {
            Terminal.standardError.write("\(VisibleText.escaped(folder)): the evidence folder is a symbolic link; it is not followed\n")
            throw ExitStatus.untrusted
        }
        var files = EvidenceTables.files(package).map { (text: $0.text, path: folder + "/" + $0.name) }
        files.append((EvidenceDocument.json(package, folder: folder), folder + "/evidence.json"))
        files.append((EvidencePage.html(package), folder + "/index.html"))
        try OutputPlan.writeFiles(files)
    }
}
