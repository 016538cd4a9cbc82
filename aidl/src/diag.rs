//! Errors: where in which `.aidl` file, and what, in AOSP's words.

use std::fmt;

/// A position in an `.aidl` file; lines and columns count from 1, columns in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loc {
    /// From 1.
    pub line: u32,
    /// From 1, in characters.
    pub col: u32,
}

/// One error in one `.aidl` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as it was named (on the command line, to the builder, or found under an
    /// include directory).
    pub file: String,
    /// From 1.
    pub line: u32,
    /// From 1, in characters.
    pub col: u32,
    /// AOSP's words for the problem.
    pub message: String,
}

impl Diagnostic {
    /// An error at `loc` in `file`.
    pub fn new(file: &str, loc: Loc, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line: loc.line,
            col: loc.col,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `ERROR: file:line:col: message`, AOSP's prefix with an editor-friendly position.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ERROR: {}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// Why a compilation failed.
#[derive(Debug)]
pub enum Error {
    /// Errors in the `.aidl` inputs, in the order found.
    Aidl(Vec<Diagnostic>),
    /// A file could not be read or written.
    Io(String, std::io::Error),
    /// The request itself is wrong (no inputs, an unsupported option value, ...).
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Aidl(diags) => {
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            Error::Io(path, e) => write!(f, "ERROR: {path}: {e}"),
            Error::Usage(msg) => write!(f, "ERROR: {msg}"),
        }
    }
}

impl std::error::Error for Error {}
