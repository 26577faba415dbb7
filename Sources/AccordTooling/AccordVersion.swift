/// The version `accord --version` prints, in one place so the CLI, the REPL banner and
/// embedders agree. Raised by hand with each release.
public enum AccordVersion {
    public static let current = "0.1.0"
}
