//! A recursive-descent parser for AOSP's AIDL grammar (`aidl_language_y.yy`).

use crate::ast::*;
use crate::diag::{Diagnostic, Loc};
use crate::lexer::{lex, Tok, Token};

const KEYWORDS: &[&str] = &[
    "package",
    "import",
    "parcelable",
    "interface",
    "oneway",
    "enum",
    "union",
    "const",
    "in",
    "out",
    "inout",
    "true",
    "false",
    "cpp_header",
    "ndk_header",
    "rust_type",
];

struct Parser<'a> {
    file: &'a str,
    toks: Vec<Token>,
    pos: usize,
    /// Nesting of constant expressions, bounded so that hostile input cannot exhaust the
    /// stack.
    depth: usize,
}

const MAX_EXPRESSION_DEPTH: usize = 64;

type PResult<T> = Result<T, Diagnostic>;

/// Parses one file into `model` (its declarations join the arena) and returns the new
/// document's index.
pub fn parse_file(model: &mut Model, path: &str, src: &str, generate: bool) -> PResult<usize> {
    let toks = lex(path, src)?;
    let mut p = Parser {
        file: path,
        toks,
        pos: 0,
        depth: 0,
    };
    let doc_index = model.docs.len();
    let mut doc = Document {
        path: path.to_string(),
        package: String::new(),
        imports: Vec::new(),
        decls: Vec::new(),
        generate,
    };
    // Annotations may precede `package` (AOSP ignores them there).
    let save = p.pos;
    let _ = p.annotations()?;
    if p.is_kw("package") {
        p.bump();
        doc.package = p.qualified_name()?.0;
        p.expect(";")?;
    } else {
        p.pos = save;
    }
    while p.is_kw("import") {
        p.bump();
        let (name, loc) = p.qualified_name()?;
        p.expect(";")?;
        doc.imports.push((name, loc));
    }
    while !matches!(p.peek().tok, Tok::Eof) {
        let id = p.decl(model, doc_index, &doc.package, None)?;
        doc.decls.push(id);
    }
    model.docs.push(doc);
    Ok(doc_index)
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.toks[self.pos]
    }
    fn peek_at(&self, n: usize) -> &Token {
        &self.toks[(self.pos + n).min(self.toks.len() - 1)]
    }
    fn bump(&mut self) -> Token {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }
    fn is_p(&self, p: &str) -> bool {
        matches!(&self.peek().tok, Tok::P(q) if *q == p)
    }
    fn is_kw(&self, k: &str) -> bool {
        matches!(&self.peek().tok, Tok::Ident(s) if s == k)
    }
    fn eat_p(&mut self, p: &str) -> bool {
        if self.is_p(p) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn err<T>(&self, loc: Loc, msg: impl Into<String>) -> PResult<T> {
        Err(Diagnostic::new(self.file, loc, msg))
    }
    fn unexpected<T>(&self, expecting: &str) -> PResult<T> {
        let t = self.peek();
        let what = match &t.tok {
            Tok::Ident(s) if KEYWORDS.contains(&s.as_str()) => format!("'{s}'"),
            Tok::Ident(s) => format!("identifier '{s}'"),
            Tok::Int(s) | Tok::Float(s) => format!("number '{s}'"),
            Tok::Char(s) => format!("char {s}"),
            Tok::Str(s) => format!("string {s}"),
            Tok::P(p) => format!("'{p}'"),
            Tok::Eof => "end of file".to_string(),
        };
        self.err(
            t.loc,
            format!("syntax error, unexpected {what}, expecting {expecting}"),
        )
    }
    fn expect(&mut self, p: &str) -> PResult<Token> {
        if self.is_p(p) {
            Ok(self.bump())
        } else {
            self.unexpected(&format!("'{p}'"))
        }
    }
    fn ident(&mut self) -> PResult<(String, Loc)> {
        match &self.peek().tok {
            Tok::Ident(s) if !KEYWORDS.contains(&s.as_str()) => {
                let s = s.clone();
                let t = self.bump();
                Ok((s, t.loc))
            }
            _ => self.unexpected("identifier"),
        }
    }
    fn qualified_name(&mut self) -> PResult<(String, Loc)> {
        let (mut name, loc) = self.ident()?;
        while self.is_p(".") && matches!(self.peek_at(1).tok, Tok::Ident(_)) {
            self.bump();
            name.push('.');
            name.push_str(&self.ident()?.0);
        }
        Ok((name, loc))
    }

    fn annotations(&mut self) -> PResult<Vec<Annotation>> {
        let mut out = Vec::new();
        while self.is_p("@") {
            let at = self.bump();
            let (name, _) = self.ident()?;
            let mut params = Vec::new();
            if self.eat_p("(") {
                if !self.is_p(")") {
                    let named = matches!(self.peek().tok, Tok::Ident(_))
                        && matches!(self.peek_at(1).tok, Tok::P("="));
                    if named {
                        loop {
                            let (key, _) = self.ident()?;
                            self.expect("=")?;
                            let v = self.expr()?;
                            params.push((key, v));
                            if !self.eat_p(",") {
                                break;
                            }
                        }
                    } else {
                        params.push(("value".to_string(), self.expr()?));
                    }
                }
                self.expect(")")?;
            }
            out.push(Annotation {
                name,
                loc: at.loc,
                params,
            });
        }
        Ok(out)
    }

    fn deprecated_of(&self, tok_index: usize) -> Option<String> {
        self.toks[tok_index]
            .doc
            .iter()
            .rev()
            .find_map(|c| deprecated_note(c))
    }

    fn decl(
        &mut self,
        model: &mut Model,
        doc: usize,
        package: &str,
        parent: Option<usize>,
    ) -> PResult<usize> {
        if self.depth >= MAX_EXPRESSION_DEPTH {
            let loc = self.peek().loc;
            return self.err(loc, "declaration nested too deeply");
        }
        self.depth += 1;
        let d = self.decl_inner(model, doc, package, parent);
        self.depth -= 1;
        d
    }

    fn decl_inner(
        &mut self,
        model: &mut Model,
        doc: usize,
        package: &str,
        parent: Option<usize>,
    ) -> PResult<usize> {
        let first = self.pos;
        let deprecated = self.deprecated_of(first);
        let annotations = self.annotations()?;
        let oneway = if self.is_kw("oneway") {
            self.bump();
            true
        } else {
            false
        };
        let keyword = match &self.peek().tok {
            Tok::Ident(s) if ["parcelable", "interface", "enum", "union"].contains(&s.as_str()) => {
                s.clone()
            }
            _ => return self.unexpected("'parcelable', 'interface', 'enum' or 'union'"),
        };
        if oneway && keyword != "interface" {
            return self.unexpected("'interface'");
        }
        self.bump();
        let (name, loc) = if keyword == "parcelable" {
            self.qualified_name()?
        } else {
            self.ident()?
        };
        let canonical = match parent {
            Some(p) => format!("{}.{}", model.decls[p].canonical, name),
            None if package.is_empty() => name.clone(),
            None => format!("{package}.{name}"),
        };
        let id = model.decls.len();
        model.decls.push(Decl {
            name: name.clone(),
            canonical,
            loc,
            doc,
            parent,
            nested: Vec::new(),
            annotations,
            deprecated,
            kind: DeclKind::Unstructured { rust_type: None },
            consts: Vec::new(),
        });
        let mut type_params = Vec::new();
        if (keyword == "parcelable" || keyword == "union") && self.eat_p("<") {
            loop {
                type_params.push(self.ident()?.0);
                if !self.eat_p(",") {
                    break;
                }
            }
            self.expect(">")?;
        }
        let kind = match keyword.as_str() {
            "parcelable" if !self.is_p("{") => {
                if name.contains('.') {
                    // `parcelable a.b.Foo;` names the package in the declaration.
                    return self.err(loc, format!("Unstructured parcelable {name} may not be declared with a qualified name here; use 'package' instead"));
                }
                let mut rust_type = None;
                loop {
                    if self.is_kw("cpp_header") || self.is_kw("ndk_header") {
                        self.bump();
                        self.string_lit()?;
                    } else if self.is_kw("rust_type") {
                        self.bump();
                        let s = self.string_lit()?;
                        rust_type = Some(s[1..s.len() - 1].to_string());
                    } else {
                        break;
                    }
                }
                self.expect(";")?;
                DeclKind::Unstructured { rust_type }
            }
            "parcelable" | "union" => {
                if name.contains('.') {
                    return self.err(loc, "syntax error, unexpected '.', expecting '{'");
                }
                self.expect("{")?;
                let mut fields = Vec::new();
                while !self.eat_p("}") {
                    self.member(model, doc, package, id, Some(&mut fields), None)?;
                }
                if keyword == "union" {
                    DeclKind::Union { fields }
                } else {
                    DeclKind::Parcelable {
                        fields,
                        type_params,
                    }
                }
            }
            "interface" => {
                self.expect("{")?;
                let mut methods = Vec::new();
                while !self.eat_p("}") {
                    self.member(model, doc, package, id, None, Some(&mut methods))?;
                }
                DeclKind::Interface { oneway, methods }
            }
            _ => {
                self.expect("{")?;
                let mut enumerators = Vec::new();
                while !self.eat_p("}") {
                    let deprecated = self.deprecated_of(self.pos);
                    let (name, loc) = self.ident()?;
                    let value = if self.eat_p("=") {
                        Some(self.expr()?)
                    } else {
                        None
                    };
                    enumerators.push(Enumerator {
                        name,
                        loc,
                        value,
                        deprecated,
                        evaluated: String::new(),
                    });
                    if !self.eat_p(",") {
                        self.expect("}")?;
                        break;
                    }
                }
                DeclKind::Enum { enumerators }
            }
        };
        model.decls[id].kind = kind;
        if let Some(p) = parent {
            model.decls[p].nested.push(id);
        }
        Ok(id)
    }

    fn string_lit(&mut self) -> PResult<String> {
        match &self.peek().tok {
            Tok::Str(s) => {
                let s = s.clone();
                self.bump();
                Ok(s)
            }
            _ => self.unexpected("string"),
        }
    }

    /// One member of a parcelable, union or interface body: a nested type, a constant, a
    /// field (`fields`) or a method (`methods`).
    fn member(
        &mut self,
        model: &mut Model,
        doc: usize,
        package: &str,
        owner: usize,
        fields: Option<&mut Vec<Field>>,
        methods: Option<&mut Vec<Method>>,
    ) -> PResult<()> {
        // Look past annotations (and `oneway`) for the keyword that says what this is.
        let last = self.toks.len() - 1;
        let mut k = self.pos;
        let mut depth = 0;
        loop {
            k = k.min(last);
            match &self.toks[k].tok {
                Tok::P("@") if depth == 0 => {
                    k += 2;
                    continue;
                }
                Tok::P("(") => depth += 1,
                Tok::P(")") => depth -= 1,
                _ if depth > 0 => {}
                _ => break,
            }
            if matches!(self.toks[k].tok, Tok::Eof) {
                break;
            }
            k += 1;
        }
        let k = k.min(last);
        let word = match &self.toks[k].tok {
            Tok::Ident(s) => s.clone(),
            _ => String::new(),
        };
        let next_word = match &self.toks[(k + 1).min(self.toks.len() - 1)].tok {
            Tok::Ident(s) => s.clone(),
            _ => String::new(),
        };
        if ["parcelable", "interface", "enum", "union"].contains(&word.as_str())
            || (word == "oneway" && next_word == "interface")
        {
            self.decl(model, doc, package, Some(owner))?;
            return Ok(());
        }
        let deprecated = self.deprecated_of(self.pos);
        if word == "const" {
            let anns = self.annotations()?;
            self.bump();
            let mut ty = self.type_spec()?;
            ty.annotations.splice(0..0, anns);
            let (name, loc) = self.ident()?;
            self.expect("=")?;
            let expr = self.expr()?;
            self.expect(";")?;
            model.decls[owner].consts.push(ConstDecl {
                name,
                loc,
                ty,
                expr,
                deprecated,
                value: None,
            });
            return Ok(());
        }
        if let Some(methods) = methods {
            let anns = self.annotations()?;
            let oneway = if self.is_kw("oneway") {
                self.bump();
                true
            } else {
                false
            };
            let mut ret = self.type_spec()?;
            ret.annotations.splice(0..0, anns);
            let (name, loc) = self.ident()?;
            self.expect("(")?;
            let mut args = Vec::new();
            if !self.is_p(")") {
                loop {
                    args.push(self.arg()?);
                    if !self.eat_p(",") {
                        break;
                    }
                }
            }
            self.expect(")")?;
            let id = if self.eat_p("=") {
                match &self.peek().tok {
                    Tok::Int(s) => {
                        let s = s.clone();
                        let t = self.bump();
                        match s.parse::<i64>() {
                            Ok(v) => Some(v),
                            Err(_) => {
                                return self.err(t.loc, format!("Invalid method id: {s}"));
                            }
                        }
                    }
                    _ => return self.unexpected("number"),
                }
            } else {
                None
            };
            self.expect(";")?;
            methods.push(Method {
                name,
                loc,
                oneway,
                ret,
                args,
                id,
                deprecated,
                user_defined: true,
            });
            return Ok(());
        }
        let Some(fields) = fields else {
            return self.unexpected("member");
        };
        let ty = self.type_spec()?;
        let (name, loc) = self.ident()?;
        let default = if self.eat_p("=") {
            Some(self.expr()?)
        } else {
            None
        };
        self.expect(";")?;
        fields.push(Field {
            name,
            loc,
            ty,
            default,
            deprecated,
            value: None,
        });
        Ok(())
    }

    fn arg(&mut self) -> PResult<Arg> {
        let mut anns = self.annotations()?;
        let direction = if self.is_kw("in") {
            Some(Direction::In)
        } else if self.is_kw("out") {
            Some(Direction::Out)
        } else if self.is_kw("inout") {
            Some(Direction::InOut)
        } else {
            None
        };
        if direction.is_some() {
            self.bump();
        }
        let mut ty = self.type_spec()?;
        anns.append(&mut ty.annotations);
        ty.annotations = anns;
        let (name, loc) = self.ident()?;
        Ok(Arg {
            name,
            loc,
            direction,
            ty,
        })
    }

    fn type_spec(&mut self) -> PResult<TypeSpec> {
        if self.depth >= MAX_EXPRESSION_DEPTH {
            let loc = self.peek().loc;
            return self.err(loc, "type nested too deeply");
        }
        self.depth += 1;
        let t = self.type_spec_inner();
        self.depth -= 1;
        t
    }

    fn type_spec_inner(&mut self) -> PResult<TypeSpec> {
        let annotations = self.annotations()?;
        let (name, loc) = self.qualified_name()?;
        let mut params = Vec::new();
        if self.eat_p("<") {
            loop {
                params.push(self.type_spec()?);
                if !self.eat_p(",") {
                    break;
                }
            }
            self.expect(">")?;
        }
        let mut array = ArrayKind::None;
        if self.is_p("[") {
            if matches!(self.peek_at(1).tok, Tok::P("]")) {
                self.bump();
                self.bump();
                array = ArrayKind::Dynamic;
            } else {
                let mut dims = Vec::new();
                while self.eat_p("[") {
                    dims.push(self.expr()?);
                    self.expect("]")?;
                }
                array = ArrayKind::Fixed(dims);
            }
        }
        Ok(TypeSpec {
            name,
            loc,
            annotations,
            params,
            array,
            resolved: None,
            dims: Vec::new(),
        })
    }

    // Constant expressions, lowest precedence first (C's precedence).
    fn expr(&mut self) -> PResult<Expr> {
        if self.depth >= MAX_EXPRESSION_DEPTH {
            let loc = self.peek().loc;
            return self.err(loc, "constant expression nested too deeply");
        }
        self.depth += 1;
        let e = self.binary(0);
        self.depth -= 1;
        e
    }

    fn binary_op(&self, level: usize) -> Option<&'static str> {
        const LEVELS: &[&[&str]] = &[
            &["||"],
            &["&&"],
            &["|"],
            &["^"],
            &["&"],
            &["==", "!="],
            &["<", ">", "<=", ">="],
            &["<<", ">>"],
            &["+", "-"],
            &["*", "/", "%"],
        ];
        let t = self.peek();
        let Tok::P(p) = t.tok else { return None };
        // `>>` is two `>` tokens (so that `List<List<T>>` lexes); glue adjacent ones here.
        let next = self.peek_at(1);
        let glued_shift =
            p == ">" && matches!(next.tok, Tok::P(">")) && next.offset == t.offset + 1;
        let op = if glued_shift { ">>" } else { p };
        LEVELS[level].iter().copied().find(|o| *o == op)
    }

    fn binary(&mut self, level: usize) -> PResult<Expr> {
        if level == 10 {
            return self.unary();
        }
        let mut lhs = self.binary(level + 1)?;
        while let Some(op) = self.binary_op(level) {
            self.bump();
            if op == ">>" {
                self.bump();
            }
            let rhs = self.binary(level + 1)?;
            let text = format!("{}{}{}", lhs.text, op, rhs.text);
            let loc = lhs.loc;
            lhs = Expr {
                kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                loc,
                text,
            };
        }
        Ok(lhs)
    }

    fn unary(&mut self) -> PResult<Expr> {
        for op in ["+", "-", "!", "~"] {
            if self.is_p(op) {
                let t = self.bump();
                if self.depth >= MAX_EXPRESSION_DEPTH {
                    return self.err(t.loc, "constant expression nested too deeply");
                }
                self.depth += 1;
                let e = self.unary();
                self.depth -= 1;
                let e = e?;
                let text = format!("{op}{}", e.text);
                return Ok(Expr {
                    kind: ExprKind::Unary(op, Box::new(e)),
                    loc: t.loc,
                    text,
                });
            }
        }
        self.primary()
    }

    fn primary(&mut self) -> PResult<Expr> {
        let t = self.peek().clone();
        let lit = |kind: ExprKind, text: &str| Expr {
            kind,
            loc: t.loc,
            text: text.to_string(),
        };
        match &t.tok {
            Tok::Int(s) => {
                self.bump();
                Ok(lit(ExprKind::Int(s.clone()), s))
            }
            Tok::Float(s) => {
                self.bump();
                Ok(lit(ExprKind::Float(s.clone()), s))
            }
            Tok::Char(s) => {
                self.bump();
                Ok(lit(ExprKind::Char(s.clone()), s))
            }
            Tok::Str(s) => {
                self.bump();
                Ok(lit(ExprKind::Str(s.clone()), s))
            }
            Tok::Ident(s) if s == "true" || s == "false" => {
                self.bump();
                Ok(lit(ExprKind::Bool(s == "true"), s))
            }
            Tok::Ident(_) => {
                let (name, _) = self.qualified_name()?;
                Ok(lit(ExprKind::Ref(name.clone()), &name))
            }
            Tok::P("(") => {
                self.bump();
                let e = self.expr()?;
                self.expect(")")?;
                Ok(e)
            }
            Tok::P("{") => {
                self.bump();
                let mut items = Vec::new();
                while !self.is_p("}") {
                    items.push(self.expr()?);
                    if !self.eat_p(",") {
                        break;
                    }
                }
                self.expect("}")?;
                let texts: Vec<&str> = items.iter().map(|e| e.text.as_str()).collect();
                let text = format!("{{{}}}", texts.join(", "));
                Ok(lit(ExprKind::Array(items), &text))
            }
            _ => self.unexpected("constant expression"),
        }
    }
}

/// The note of a `@deprecated` tag in a `/** */` comment (AOSP's `FindDeprecated`): the
/// text after the tag up to the next tag, whitespace collapsed.
fn deprecated_note(comment: &str) -> Option<String> {
    let body = comment.strip_prefix("/**")?.strip_suffix("*/")?;
    let lines: Vec<&str> = body
        .lines()
        .map(|l| l.trim().trim_start_matches('*').trim())
        .collect();
    let text = lines.join("\n");
    let at = text.find("@deprecated")?;
    let rest = &text[at + "@deprecated".len()..];
    let mut note = Vec::new();
    for line in rest.split('\n') {
        if line.starts_with('@') {
            break;
        }
        note.extend(line.split_whitespace());
    }
    Some(note.join(" "))
}
