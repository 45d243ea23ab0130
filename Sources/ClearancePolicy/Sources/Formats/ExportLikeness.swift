import ClearanceDocument

/// Which other export a file given to a format looks like, told from names only that export writes, so that a file
/// named with the wrong `format:` is reported as such rather than as a list of missing columns or fields.
enum ExportLikeness {
    /// The export a CSV header looks like, in words that name its format (`Microsoft Entra ID's users CSV (format entra-users-csv)`).
    static func csv(_ names: [String]) -> String? {
        let names = Set(names)
        if names.contains("Email Address [Required]") { return "Google Workspace's \"Download users\" CSV (format google-workspace-users-csv)" }
        if names.contains("userPrincipalName"), names.contains("userType") || names.contains("accountEnabled") {
            return "Microsoft Entra ID's \"Download users\" CSV (format entra-users-csv)"
        }
        if names.contains("User id"), names.contains("User status") { return "admin.atlassian.com's \"Export users\" CSV (format atlassian-users-csv)" }
        if names.contains("Entitlement Slug") || names.contains("Type") && names.contains("User ID") && names.contains("Entitlement") {
            return "the CSV of `baton export csv` (format baton-csv)"
        }
        if names.contains("user"), names.contains("arn") { return "an AWS IAM credential report (format aws-iam-credential-report)" }
        if names.contains("employeeNumber") || names.contains("employee_id") { return "an HR roster (format hris-roster)" }
        if names.contains(where: { $0.hasPrefix("{") || $0.hasPrefix("[") }) { return "a JSON file" }
        return nil
    }

    /// The export a JSON record (an object) looks like, in words that name its format.
    static func json(_ record: Node) -> String? {
        guard record.kind == .mapping else { return nil }
        func has(_ key: String) -> Bool { record[key] != nil }
        if has("grant"), has("entitlement") || has("principal") { return "the JSON of `baton grants -o json` (format baton-grants)" }
        if has("general"), has("hardware") || has("udid") { return "a Jamf Pro computers inventory (format jamf-computers)" }
        if has("complianceState") || has("managedDeviceOwnerType") { return "an Intune managed devices list (format intune-devices)" }
        if has("primaryEmail") { return "a Google Workspace Directory API users list (format google-workspace-users)" }
        if has("isMfaRegistered") || has("methodsRegistered") {
            return "Entra ID's userRegistrationDetails (the `mfa_registration` file of format entra-users-csv)"
        }
        if has("userPrincipalName") { return "a Microsoft Graph users list (format entra-users-csv reads the admin center's CSV)" }
        if has("profile"), has("status") { return "an Okta users list (format okta-users)" }
        if has("login"), has("id"), has("type") || has("site_admin") || has("node_id") {
            return "a GitHub members list (format github-org-members)"
        }
        if has("factorType") { return "Okta factors (the `factors` file of format okta-users)" }
        return nil
    }
}
