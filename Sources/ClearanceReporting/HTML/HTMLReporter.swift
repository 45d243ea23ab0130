import ClearanceCore
import ClearanceEngine

/// `html`: the audit report as one self-contained page (inline CSS and SVG, no request), readable offline and printable:
/// summary, charts, control tables per framework, a checklist per person, vendor and manifest, waivers, evidence.
///
/// Values from input files and policies are HTML-escaped (``HTMLEscaping``) by the templates (``HTMLTemplateLibrary``) and
/// by ``SubjectCardWriter``.
public struct HTMLReporter: Reporter {
    public static let name = "html"
    public static let fileName = "report.html"
    public static let marksPasses = true

    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        joinedPieces(report, context: context)
    }

    /// The page in pieces: the text before the checklists, the checklists a mebibyte at a time (each card made as it is
    /// written), then the rest.
    public func stream(_ report: Report, context: ReportContext, to write: (String) -> Void) {
        let model = HTMLReportModel(report, context: context)
        switch HTMLTemplateLibrary.render(model) {
        case .failure(let page):
            write(Self.neutralised(page))
        case .halves(let head, let tail):
            write(Self.neutralised(head))
            var writer = SubjectCardWriter()
            for group in model.groups {
                writer.openGroup(group)
                write(Self.neutralised(writer.take()))
                Self.writeCards(group.checklists, jobs: context.jobs, to: write)
                writer.closeGroup()
            }
            write(Self.neutralised(writer.take()))
            write(Self.neutralised(tail))
        }
    }

    /// The cards of `checklists`, a batch at a time, each batch made and neutralised on one of `jobs` threads and handed on
    /// in order (a few batches ahead at most, so memory stays bounded). A card ends its last line, so each piece starts a
    /// line, as neutralising the page whole would see it.
    static func writeCards(_ checklists: [Checklist], jobs: Int, to write: (String) -> Void) {
        ParallelMap.forEachBatch(of: checklists.count, size: pieceSize / 16_384, jobs: jobs) { positions in  // a card takes about 11 KB
            var cards = SubjectCardWriter()
            for checklist in checklists[positions] { cards.write(SubjectChecklist(checklist)) }
            return Self.neutralised(cards.take())
        } consume: { write($0) }
    }

    /// The escaping leaves control characters: ESC and the rest (C0 but tab, line feed and carriage return;
    /// DEL; C1) become U+FFFD, and a line that starts with `::` after its indentation (a workflow command, were the page
    /// printed in a CI log) gets `&#58;:`. One pass over the page's UTF-8; a line ends at every line feed.
    static func neutralised(_ page: String) -> String {
        var page = page
        // Most pieces hold nothing to neutralise: a first pass that writes nothing says so, and the piece is handed on as it is.
        if page.withUTF8(Self.holdsNothingToNeutralise) { return page }
        return page.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 64)
            _ = walk(bytes, writing: true, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Whether ``neutralised(_:)`` would hand `bytes` back unchanged: no control character but tab, line feed and carriage
    /// return, and no line whose text starts with `::` after its indentation.
    static func holdsNothingToNeutralise(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var nothing: [UInt8] = []
        return walk(bytes, writing: false, into: &nothing)
    }

    /// What the one pass of ``neutralised(_:)`` does with a byte.
    private enum Change { case none, defuse, replace }

    /// The one pass of ``neutralised(_:)``: `writing`, it puts the neutralised bytes in `output`; not writing, it stops at the
    /// first byte that would change. Whether nothing changed.
    @inline(__always)
    private static func walk(_ bytes: UnsafeBufferPointer<UInt8>, writing: Bool, into output: inout [UInt8]) -> Bool {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD], escapedColon: [UInt8] = Array("&#58;".utf8)
        let tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
        var inIndentation = true, unchanged = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            var change = Change.none
            if !(inIndentation && (byte == space || byte == tab)) {
                if inIndentation {
                    inIndentation = false
                    if byte == colon && index < bytes.count && bytes[index] == colon { change = .defuse }
                }
                if change == .none {
                    if byte == lineFeed {
                        inIndentation = true
                    } else if (byte < 0x20 && byte != tab && byte != carriageReturn) || byte == 0x7F {
                        change = .replace
                    } else if byte == 0xC2 && index < bytes.count && (0x80...0x9F).contains(bytes[index]) {
                        change = .replace  // a C1 control, U+0080 to U+009F
                        index += 1
                    }
                }
            }
            if change == .none {
                if writing { output.append(byte) }
                continue
            }
            guard writing else { return false }
            unchanged = false
            output += change == .defuse ? escapedColon : replacement
        }
        return unchanged
    }
}
