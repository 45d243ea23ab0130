/// Writes an AWS IAM credential report (the CSV `aws iam get-credential-report` decodes to) for a generated organisation:
/// the root row, one IAM user per member (named by the member's id, which the member claims in `accounts: {aws: …}`),
/// and one user in twenty that nobody claims. About a fifth of users have no MFA, a tenth a key older than 90 days.
struct CredentialReportGenerator {
    /// The report's header, the 22 columns in the order AWS writes them.
    static let header = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,"
        + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
        + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
        + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated"
    static let account = "111122223333"

    private var random: RandomSource

    init(seed: UInt64) { random = RandomSource(seed: seed &+ 7) }

    /// The report for users named `users` (member ids), with `extra` unclaimed users after them.
    mutating func report(users: [String]) -> String {
        var text = Self.header + "\n"
        text += "<root_account>,arn:aws:iam::\(Self.account):root,2021-03-01T10:00:00+00:00,not_supported,2026-09-30T08:12:00+00:00,not_supported,"
            + "not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
        var names = users
        for index in stride(from: 0, to: users.count, by: 20) { names.append("svc-unclaimed-\(index)") }
        text.reserveCapacity(names.count * 260)
        for name in names { text += row(name) + "\n" }
        return text
    }

    private mutating func row(_ user: String) -> String {
        let created = time(daysAgo: random.int(120...900))
        let console = random.chance(0.7)
        let used = random.chance(0.1) ? "no_information" : time(daysAgo: random.int(1...60))
        let mfa = console && random.chance(0.8)
        let key = random.chance(0.6)
        let rotated = time(daysAgo: random.chance(0.1) ? random.int(100...400) : random.int(1...80))
        return [user, "arn:aws:iam::\(Self.account):user/\(user)", created, console ? "true" : "false", console ? used : "N/A",
                console ? created : "N/A", "N/A", mfa ? "true" : "false",
                key ? "true" : "false", key ? rotated : "N/A", key ? time(daysAgo: random.int(1...30)) : "N/A", key ? "us-east-1" : "N/A", key ? "s3" : "N/A",
                "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A"].joined(separator: ",")
    }

    /// An ISO 8601 time `days` before 2026-11-19.
    private mutating func time(daysAgo days: Int) -> String {
        let day = Day(-days - 1)
        return "\(day)T\(String(format2: random.int(0...23))):\(String(format2: random.int(0...59))):00+00:00"
    }
}
