//! Tokens of the AIDL language (`aidl_language_l.ll`).

use crate::diag::{Diagnostic, Loc};

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Ident(String),
    /// An integer literal as written (suffixes `l`, `L`, `u8`, `u32`, `u64` included).
    Int(String),
    /// A floating literal as written (`1.5`, `1.5f`, `1e3`).
    Float(String),
    /// A character literal with its quotes.
    Char(String),
    /// A string literal with its quotes.
    Str(String),
    /// Punctuation and operators.
    P(&'static str),
    Eof,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    pub loc: Loc,
    /// Byte offset in the file, used to glue `>` `>` into a shift operator.
    pub offset: usize,
    /// The `/** ... */` doc comments seen since the previous token.
    pub doc: Vec<String>,
}

const PUNCT: &[&str] = &[
    "<<", "<=", ">=", "==", "!=", "&&", "||", "{", "}", "(", ")", "[", "]", "<", ">", ";", ",",
    ".", "=", "@", "+", "-", "*", "/", "%", "&", "|", "^", "~", "!", "?", ":",
];

pub fn lex(file: &str, src: &str) -> Result<Vec<Token>, Diagnostic> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1u32;
    let mut col = 1u32;
    let mut doc: Vec<String> = Vec::new();
    // Advances over `n` bytes, keeping line and column (columns count characters).
    let advance = |i: &mut usize, line: &mut u32, col: &mut u32, n: usize| {
        for _ in 0..n {
            if bytes[*i] == b'\n' {
                *line += 1;
                *col = 1;
            } else if bytes[*i] & 0xC0 != 0x80 {
                *col += 1;
            }
            *i += 1;
        }
    };
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            advance(&mut i, &mut line, &mut col, 1);
            continue;
        }
        let loc = Loc { line, col };
        if src[i..].starts_with("//") {
            let end = src[i..].find('\n').map_or(bytes.len(), |n| i + n);
            let n = end - i;
            advance(&mut i, &mut line, &mut col, n);
            continue;
        }
        if src[i..].starts_with("/*") {
            let Some(n) = src[i + 2..].find("*/") else {
                return Err(Diagnostic::new(file, loc, "unterminated comment"));
            };
            let end = i + 2 + n + 2;
            if src[i..].starts_with("/**") && end - i > 4 {
                doc.push(src[i..end].to_string());
            }
            let n = end - i;
            advance(&mut i, &mut line, &mut col, n);
            continue;
        }
        let start = i;
        let tok = if c.is_ascii_alphabetic() || c == b'_' {
            let mut j = i;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                j += 1;
            }
            let t = Tok::Ident(src[i..j].to_string());
            let n = j - i;
            advance(&mut i, &mut line, &mut col, n);
            t
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit()))
        {
            let (t, n) = number(&src[i..]);
            advance(&mut i, &mut line, &mut col, n);
            t
        } else if c == b'"' {
            let Some(n) = src[i + 1..].find(['"', '\n']) else {
                return Err(Diagnostic::new(file, loc, "unterminated string literal"));
            };
            if bytes[i + 1 + n] == b'\n' {
                return Err(Diagnostic::new(file, loc, "unterminated string literal"));
            }
            let t = Tok::Str(src[i..i + n + 2].to_string());
            advance(&mut i, &mut line, &mut col, n + 2);
            t
        } else if c == b'\'' {
            // A character literal is one character or one escape between quotes.
            let rest = &src[i + 1..];
            let n = if let Some(escaped) = rest.strip_prefix('\\') {
                1 + escaped.chars().next().map_or(0, char::len_utf8)
            } else {
                rest.chars().next().map_or(0, char::len_utf8)
            };
            if n == 0 || !rest[n..].starts_with('\'') {
                return Err(Diagnostic::new(file, loc, "invalid character literal"));
            }
            let t = Tok::Char(src[i..i + n + 2].to_string());
            advance(&mut i, &mut line, &mut col, n + 2);
            t
        } else if let Some(p) = PUNCT.iter().find(|p| src[i..].starts_with(**p)) {
            advance(&mut i, &mut line, &mut col, p.len());
            Tok::P(p)
        } else {
            let ch = src[i..].chars().next().unwrap_or('?');
            return Err(Diagnostic::new(
                file,
                loc,
                format!("syntax error, unexpected character '{ch}'"),
            ));
        };
        out.push(Token {
            tok,
            loc,
            offset: start,
            doc: std::mem::take(&mut doc),
        });
    }
    out.push(Token {
        tok: Tok::Eof,
        loc: Loc { line, col },
        offset: bytes.len(),
        doc,
    });
    Ok(out)
}

/// Splits a numeric literal off the front of `s`: hex, decimal with `_` separators and
/// integer suffixes, or floating with an optional exponent and `f`.
fn number(s: &str) -> (Tok, usize) {
    let b = s.as_bytes();
    let ident_char = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    if s.starts_with("0x") || s.starts_with("0X") {
        let mut j = 2;
        while j < b.len() && ident_char(b[j]) {
            j += 1;
        }
        return (Tok::Int(s[..j].to_string()), j);
    }
    let mut j = 0;
    while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'_') {
        j += 1;
    }
    let mut float = false;
    if j < b.len() && b[j] == b'.' && b.get(j + 1).is_some_and(|c| c.is_ascii_digit()) {
        float = true;
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    if j < b.len() && (b[j] == b'e' || b[j] == b'E') {
        let mut k = j + 1;
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        if k < b.len() && b[k].is_ascii_digit() {
            float = true;
            j = k;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
        }
    }
    if float {
        if j < b.len() && b[j] == b'f' {
            j += 1;
        }
        return (Tok::Float(s[..j].to_string()), j);
    }
    if j < b.len() && b[j] == b'f' {
        return (Tok::Float(s[..j + 1].to_string()), j + 1);
    }
    while j < b.len() && ident_char(b[j]) {
        j += 1;
    }
    (Tok::Int(s[..j].to_string()), j)
}
