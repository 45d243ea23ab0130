/// The CEL subset Clearance's policies are written in (see DESIGN.md, "Expressions").
public enum ClearanceExpression {}
