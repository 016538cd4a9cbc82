//! Constant expressions (`aidl_const_expressions.cpp`): literals with AOSP's typing rules,
//! C's integral promotion and usual arithmetic conversion, overflow detection, references
//! to constants and enumerators, and the conversion to a declared type (`ValueString`).

use crate::ast::{ArrayKind, DeclKind, Expr, ExprKind, Model, TypeSpec};
use crate::diag::{Diagnostic, Loc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum IntKind {
    Bool,
    I8,
    I32,
    I64,
}

#[derive(Debug, Clone)]
pub enum Val {
    Int(IntKind, i64),
    Char(String),
    Str(String),
    /// Floating values are kept as written and parsed on conversion, as AOSP does.
    Float(String),
    Array(Vec<Evaluated>),
}

#[derive(Debug, Clone)]
pub struct Evaluated {
    pub val: Val,
    /// AOSP's `value_`.
    pub text: String,
    /// The syntactic kind, for messages ("a reference", "a binary expression", ...).
    pub syn: &'static str,
    pub is_ref: bool,
    pub loc: Loc,
}

impl Evaluated {
    fn is_literal(&self) -> bool {
        !matches!(
            self.syn,
            "a reference" | "a unary expression" | "a binary expression"
        )
    }
}

fn describe(v: &Val) -> &'static str {
    match v {
        Val::Int(IntKind::Bool, _) => "a literal boolean",
        Val::Int(IntKind::I8, _) => "an int8 literal",
        Val::Int(IntKind::I32, _) => "an int32 literal",
        Val::Int(IntKind::I64, _) => "an int64 literal",
        Val::Array(_) => "a literal array",
        Val::Char(_) => "a literal char",
        Val::Str(_) => "a literal string",
        Val::Float(_) => "a literal float",
    }
}

/// Evaluates expressions in the scope of a declaration; `resolve` finds a type by the name
/// written in that scope.
pub struct Evaluator<'a> {
    pub model: &'a Model,
    pub resolve: &'a dyn Fn(usize, &str) -> Option<usize>,
    /// The constants being evaluated, to report cycles instead of recursing forever.
    stack: Vec<(usize, usize, bool)>,
}

type EResult<T> = Result<T, Diagnostic>;

impl<'a> Evaluator<'a> {
    pub fn new(model: &'a Model, resolve: &'a dyn Fn(usize, &str) -> Option<usize>) -> Self {
        Evaluator {
            model,
            resolve,
            stack: Vec::new(),
        }
    }

    fn err<T>(&self, scope: usize, loc: Loc, msg: impl Into<String>) -> EResult<T> {
        let file = &self.model.docs[self.model.decls[scope].doc].path;
        Err(Diagnostic::new(file, loc, msg))
    }

    pub fn eval(&mut self, scope: usize, e: &Expr) -> EResult<Evaluated> {
        let lit = |val: Val, syn: &'static str| Evaluated {
            val,
            text: e.text.clone(),
            syn,
            is_ref: false,
            loc: e.loc,
        };
        match &e.kind {
            ExprKind::Bool(b) => Ok(lit(Val::Int(IntKind::Bool, *b as i64), "a literal boolean")),
            ExprKind::Int(s) => match parse_integral(s) {
                Some((kind, v)) => {
                    let syn = describe(&Val::Int(kind, v));
                    Ok(lit(Val::Int(kind, v), syn))
                }
                None => self.err(
                    scope,
                    e.loc,
                    format!("Could not parse integer literal: {s}"),
                ),
            },
            ExprKind::Float(s) => Ok(lit(Val::Float(s.clone()), "a literal float")),
            ExprKind::Char(s) => {
                let inner = &s[1..s.len() - 1];
                if inner != "\\0" {
                    let c = inner.chars().next().unwrap_or('\\');
                    if inner.chars().count() != 1 || !valid_literal_char(c) {
                        return self.err(
                            scope,
                            e.loc,
                            format!("Invalid character literal {}", inner.escape_default()),
                        );
                    }
                }
                Ok(lit(Val::Char(s.clone()), "a literal char"))
            }
            ExprKind::Str(s) => {
                for (i, c) in s.chars().enumerate() {
                    if !valid_literal_char(c) {
                        return self.err(
                            scope,
                            e.loc,
                            format!(
                                "Found invalid character '{c}' at index {} in string constant '{s}'",
                                i as i64 - 1
                            ),
                        );
                    }
                }
                Ok(lit(Val::Str(s.clone()), "a literal string"))
            }
            ExprKind::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    let v = self.eval(scope, item)?;
                    if let Some(first) = out.first() {
                        let first: &Evaluated = first;
                        if !compatible_array_types(&first.val, &v.val) {
                            return self.err(
                                scope,
                                e.loc,
                                format!(
                                    "Incompatible array element type: {}. Expecting type compatible with {}",
                                    describe(&v.val),
                                    describe(&first.val)
                                ),
                            );
                        }
                    }
                    out.push(v);
                }
                Ok(lit(Val::Array(out), "a literal array"))
            }
            ExprKind::Ref(name) => {
                let mut v = self.eval_ref(scope, e.loc, name)?;
                v.text = e.text.clone();
                v.syn = "a reference";
                v.is_ref = true;
                v.loc = e.loc;
                Ok(v)
            }
            ExprKind::Unary(op, inner) => {
                let v = self.eval(scope, inner)?;
                let val = match &v.val {
                    Val::Float(s) if *op == "+" || *op == "-" => Val::Float(format!("{op}{s}")),
                    Val::Int(kind, x) => match unary(*kind, op, *x) {
                        Ok(r) => Val::Int(*kind, r),
                        Err(msg) => return self.err(scope, e.loc, msg),
                    },
                    other => {
                        return self.err(
                            scope,
                            inner.loc,
                            format!(
                                "'{op}' is not compatible with {}: {}",
                                describe(other),
                                e.text
                            ),
                        )
                    }
                };
                Ok(Evaluated {
                    val,
                    text: e.text.clone(),
                    syn: "a unary expression",
                    is_ref: false,
                    loc: e.loc,
                })
            }
            ExprKind::Binary(op, l, r) => {
                let lv = self.eval(scope, l)?;
                let rv = self.eval(scope, r)?;
                let val = self.binary(scope, e, op, &lv, &rv)?;
                Ok(Evaluated {
                    val,
                    text: e.text.clone(),
                    syn: "a binary expression",
                    is_ref: false,
                    loc: e.loc,
                })
            }
        }
    }

    fn binary(
        &self,
        scope: usize,
        e: &Expr,
        op: &str,
        lv: &Evaluated,
        rv: &Evaluated,
    ) -> EResult<Val> {
        let compatible = matches!(
            (&lv.val, &rv.val),
            (Val::Array(_), Val::Array(_))
                | (Val::Str(_), Val::Str(_))
                | (Val::Int(..), Val::Int(..))
        );
        if !compatible {
            return self.err(
                scope,
                e.loc,
                format!(
                    "Cannot perform operation '{op}' on {} and {}.",
                    rv.syn, lv.syn
                ),
            );
        }
        match (&lv.val, &rv.val) {
            (Val::Str(a), Val::Str(b)) => {
                if op != "+" {
                    return self.err(
                        scope,
                        e.loc,
                        format!("Only '+' is supported for strings, not '{op}'."),
                    );
                }
                Ok(Val::Str(format!("{}{}", &a[..a.len() - 1], &b[1..])))
            }
            (Val::Array(_), _) => self.err(
                scope,
                e.loc,
                format!("Operation '{op}' is not supported with array literals"),
            ),
            (Val::Int(lk, l), Val::Int(rk, r)) => {
                let (l, r) = (*l, *r);
                let promoted = (*lk).max(IntKind::I32).max((*rk).max(IntKind::I32));
                let overflow =
                    || self.err(scope, e.loc, "Constant expression computation overflows.");
                match op {
                    "&&" | "||" => {
                        let (a, b) = (l != 0, r != 0);
                        let v = if op == "&&" { a && b } else { a || b };
                        Ok(Val::Int(IntKind::Bool, v as i64))
                    }
                    "<<" | ">>" => {
                        let (op, bits) = if r < 0 {
                            (if op == "<<" { ">>" } else { "<<" }, -r)
                        } else {
                            (op, r)
                        };
                        let (l, bits) = (cast(promoted, l), cast(promoted, bits));
                        let width = if promoted == IntKind::I64 { 64 } else { 32 };
                        let clz = if promoted == IntKind::I64 {
                            (l as u64).leading_zeros() as i64
                        } else {
                            (l as u32).leading_zeros() as i64
                        };
                        let bad = bits < 0 || bits >= width || l < 0 || (op == "<<" && bits > clz);
                        if bad {
                            return overflow();
                        }
                        let v = if op == "<<" { l << bits } else { l >> bits };
                        Ok(Val::Int(promoted, cast(promoted, v)))
                    }
                    _ => {
                        if (op == "/" || op == "%") && r == 0 {
                            return self.err(
                                scope,
                                e.loc,
                                format!(
                                    "Cannot do division operation with zero for expression: {}",
                                    e.text
                                ),
                            );
                        }
                        let (a, b) = (cast(promoted, l) as i128, cast(promoted, r) as i128);
                        let (min, max) = range(promoted);
                        let cmp = |c: bool| Ok(Val::Int(IntKind::Bool, c as i64));
                        let v = match op {
                            "+" => a + b,
                            "-" => a - b,
                            "*" => a * b,
                            "/" => a / b,
                            "%" => a % b,
                            "|" => a | b,
                            "^" => a ^ b,
                            "&" => a & b,
                            "==" => return cmp(a == b),
                            "!=" => return cmp(a != b),
                            "<" => return cmp(a < b),
                            ">" => return cmp(a > b),
                            "<=" => return cmp(a <= b),
                            ">=" => return cmp(a >= b),
                            _ => return self.err(scope, e.loc, format!("Unknown operator '{op}'")),
                        };
                        // `/` and `%` overflow only for MIN / -1, which the range check catches.
                        if v < min as i128 || v > max as i128 {
                            return overflow();
                        }
                        Ok(Val::Int(promoted, v as i64))
                    }
                }
            }
            _ => self.err(scope, e.loc, format!("Cannot perform operation '{op}'")),
        }
    }

    fn eval_ref(&mut self, scope: usize, loc: Loc, name: &str) -> EResult<Evaluated> {
        let (type_part, field) = match name.rsplit_once('.') {
            Some((t, f)) => (Some(t), f),
            None => (None, name),
        };
        let candidates: Vec<usize> = match type_part {
            Some(t) => match (self.resolve)(scope, t) {
                Some(d) => vec![d],
                None => {
                    return self.err(scope, loc, format!("Can't resolve the reference ({name})"))
                }
            },
            // An unqualified name is looked up in the declaring type, then its parents.
            None => {
                let mut v = vec![scope];
                let mut s = scope;
                while let Some(p) = self.model.decls[s].parent {
                    v.push(p);
                    s = p;
                }
                v
            }
        };
        for &d in &candidates {
            let decl = &self.model.decls[d];
            if let DeclKind::Enum { enumerators } = &decl.kind {
                if let Some(i) = enumerators.iter().position(|x| x.name == field) {
                    return self.eval_enumerator(d, i, loc);
                }
            }
            if let Some(i) = decl.consts.iter().position(|c| c.name == field) {
                return self.guarded(d, i, false, loc, |ev| {
                    let c = &ev.model.decls[d].consts[i];
                    ev.eval(d, &c.expr)
                });
            }
        }
        self.err(
            scope,
            loc,
            format!(
                "Can't find {field} in {}",
                self.model.decls[candidates[0]].name
            ),
        )
    }

    fn guarded(
        &mut self,
        decl: usize,
        index: usize,
        is_enum: bool,
        loc: Loc,
        f: impl FnOnce(&mut Self) -> EResult<Evaluated>,
    ) -> EResult<Evaluated> {
        let key = (decl, index, is_enum);
        if self.stack.contains(&key) {
            let scope = self.stack.first().map_or(decl, |k| k.0);
            return self.err(
                scope,
                loc,
                "Found a circular reference in a constant expression",
            );
        }
        self.stack.push(key);
        let r = f(self);
        self.stack.pop();
        r
    }

    /// The value of enumerator `i` of enum `decl`: its expression, or the previous one plus
    /// one, or 0 for the first.
    pub fn eval_enumerator(&mut self, decl: usize, i: usize, loc: Loc) -> EResult<Evaluated> {
        self.guarded(decl, i, true, loc, |ev| {
            let DeclKind::Enum { enumerators } = &ev.model.decls[decl].kind else {
                return ev.err(decl, loc, "not an enum");
            };
            let en = &enumerators[i];
            if let Some(e) = &en.value {
                return ev.eval(decl, e);
            }
            if i == 0 {
                return Ok(Evaluated {
                    val: Val::Int(IntKind::I8, 0),
                    text: "0".into(),
                    syn: "an int8 literal",
                    is_ref: false,
                    loc: en.loc,
                });
            }
            let prev = ev.eval_enumerator(decl, i - 1, enumerators[i - 1].loc)?;
            let one = Evaluated {
                val: Val::Int(IntKind::I8, 1),
                text: "1".into(),
                syn: "an int8 literal",
                is_ref: false,
                loc: en.loc,
            };
            let expr = Expr {
                kind: ExprKind::Int("1".into()),
                loc: en.loc,
                text: format!("{}+1", enumerators[i - 1].name),
            };
            let val = ev.binary(decl, &expr, "+", &prev, &one)?;
            Ok(Evaluated {
                val,
                text: expr.text,
                syn: "a binary expression",
                is_ref: false,
                loc: en.loc,
            })
        })
    }
}

fn range(kind: IntKind) -> (i64, i64) {
    match kind {
        IntKind::Bool => (0, 1),
        IntKind::I8 => (i8::MIN as i64, i8::MAX as i64),
        IntKind::I32 => (i32::MIN as i64, i32::MAX as i64),
        IntKind::I64 => (i64::MIN, i64::MAX),
    }
}

fn cast(kind: IntKind, v: i64) -> i64 {
    match kind {
        IntKind::Bool => (v != 0) as i64,
        IntKind::I8 => v as i8 as i64,
        IntKind::I32 => v as i32 as i64,
        IntKind::I64 => v,
    }
}

fn unary(kind: IntKind, op: &str, v: i64) -> Result<i64, String> {
    let overflow = || Err("Constant expression computation overflows.".to_string());
    let v = cast(kind, v);
    if kind == IntKind::Bool {
        return match op {
            "+" => Ok(v),
            // `-false` has no boolean value; `-true` is true (C++ `bool` conversion).
            "-" if v == 0 => overflow(),
            "-" => Ok(1),
            "!" => Ok((v == 0) as i64),
            _ => Err("Bitwise negation of a boolean expression is always true.".to_string()),
        };
    }
    match op {
        "+" => Ok(v),
        "-" if v == range(kind).0 => overflow(),
        "-" => Ok(-v),
        "!" => Ok((v == 0) as i64),
        _ => Ok(cast(kind, !v)),
    }
}

fn compatible_array_types(a: &Val, b: &Val) -> bool {
    matches!(
        (a, b),
        (Val::Float(_), Val::Float(_))
            | (Val::Array(_), Val::Array(_))
            | (Val::Str(_), Val::Str(_))
            | (Val::Int(..), Val::Int(..))
    )
}

fn valid_literal_char(c: char) -> bool {
    !(c <= '\u{1f}' || c >= '\u{7f}' || c == '\\')
}

/// AOSP's `ParseIntegral`: suffixes `u8`, `u32`, `l`/`L`, `u64`; `_` separators; hex
/// literals wrap into the smallest of 32/64 bits; decimal literals take the smallest kind
/// that holds them.
pub fn parse_integral(s: &str) -> Option<(IntKind, i64)> {
    let mut v = s;
    let mut take = |suffix: &str| -> bool {
        if let Some(rest) = v.strip_suffix(suffix) {
            v = rest;
            true
        } else {
            false
        }
    };
    let is_byte = take("u8");
    let is_u32 = take("u32");
    let is_long = take("l") || take("L");
    let is_u64 = take("u64");
    if is_byte as u8 + is_u32 as u8 + is_long as u8 + is_u64 as u8 > 1 {
        return None;
    }
    if v.split('_').any(str::is_empty) {
        return None;
    }
    let digits: String = v.chars().filter(|c| *c != '_').collect();
    if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        if is_byte {
            return u8::from_str_radix(hex, 16)
                .ok()
                .map(|x| (IntKind::I8, x as i8 as i64));
        }
        if !is_long || is_u32 {
            if let Ok(x) = u32::from_str_radix(hex, 16) {
                return Some((IntKind::I32, x as i32 as i64));
            }
        }
        return u64::from_str_radix(hex, 16)
            .ok()
            .map(|x| (IntKind::I64, x as i64));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
        return None;
    }
    if is_u64 {
        return digits.parse::<u64>().ok().map(|x| (IntKind::I64, x as i64));
    }
    let x = digits.parse::<i64>().ok()?;
    if is_byte {
        return (0..=255)
            .contains(&x)
            .then_some((IntKind::I8, x as i8 as i64));
    }
    if is_u32 {
        return (0..=u32::MAX as i64)
            .contains(&x)
            .then_some((IntKind::I32, x as i32 as i64));
    }
    if is_long {
        return Some((IntKind::I64, x));
    }
    let kind = if (i8::MIN as i64..=i8::MAX as i64).contains(&x) {
        IntKind::I8
    } else if (i32::MIN as i64..=i32::MAX as i64).contains(&x) {
        IntKind::I32
    } else {
        IntKind::I64
    };
    Some((kind, x))
}

/// How a backend spells a converted value (AOSP's `ConstantValueDecorator`).
pub trait Decorator {
    fn scalar(&self, ty: &TypeSpec, value: &str) -> String;
    fn array(&self, ty: &TypeSpec, values: &[String]) -> String;
}

/// AOSP's `ValueString`: converts an evaluated constant to the declared type, or says why it
/// cannot.
pub fn value_string(
    model: &Model,
    ty: &TypeSpec,
    ev: &Evaluated,
    deco: &dyn Decorator,
) -> Result<String, String> {
    if !ty.params.is_empty() {
        return Err("Generic type cannot be specified with a constant literal.".into());
    }
    if let (Some(d), false) = (ty.defined(), matches!(ev.val, Val::Array(_))) {
        let decl = &model.decls[d];
        if !decl.is_enum() {
            return Err(format!(
                "Invalid type ({}) for a const value ({})",
                decl.canonical, ev.text
            ));
        }
        if !ev.is_ref {
            return Err(format!(
                "Invalid value ({}) for enum {}",
                ev.text, decl.canonical
            ));
        }
        return Ok(deco.scalar(ty, &ev.text));
    }
    let sig = ty.to_aidl_string();
    let mut alternatives = Vec::new();
    match &ev.val {
        Val::Char(s) if sig == "char" => return Ok(deco.scalar(ty, s)),
        Val::Str(s) if sig == "String" => return Ok(deco.scalar(ty, s)),
        Val::Int(_, v) => {
            let v = *v;
            match sig.as_str() {
                "byte" => {
                    if (i8::MIN as i64..=i8::MAX as i64).contains(&v) {
                        return Ok(deco.scalar(ty, &v.to_string()));
                    }
                    if (0..=255).contains(&v) && ev.is_literal() {
                        alternatives.push(format!("{}u8", ev.text));
                    }
                }
                "int" => {
                    if (i32::MIN as i64..=i32::MAX as i64).contains(&v) {
                        return Ok(deco.scalar(ty, &v.to_string()));
                    }
                    if (0..=u32::MAX as i64).contains(&v) && ev.is_literal() {
                        alternatives.push(format!("{}u32", ev.text));
                    }
                }
                "long" => return Ok(deco.scalar(ty, &v.to_string())),
                "boolean" => return Ok(deco.scalar(ty, if v != 0 { "true" } else { "false" })),
                _ => {}
            }
        }
        Val::Array(items) if ty.is_array() => {
            let mut base = array_base(ty);
            // Elements of a nullable array are `Option`s only where the Rust element type is
            // (AOSP's `UsesOptionInNullableVector`).
            let plain = crate::check::is_primitive(&base.name)
                || base.defined().is_some_and(|d| model.decls[d].is_enum());
            if plain {
                base.annotations.retain(|a| a.name != "nullable");
            }
            let mut strings = Vec::new();
            for item in items {
                strings.push(value_string(model, &base, item, deco)?);
            }
            if let Some(&n) = ty.dims.first() {
                if n != items.len() {
                    return Err(format!(
                        "Expected an array of {n} elements, but found one with {} elements",
                        items.len()
                    ));
                }
            }
            return Ok(deco.array(ty, &strings));
        }
        Val::Float(s) if sig == "double" => {
            let Ok(x) = s.trim_end_matches('f').parse::<f64>() else {
                return Err(format!("Could not parse {s}"));
            };
            return Ok(deco.scalar(ty, &format!("{x:.6}")));
        }
        Val::Float(s) if sig == "float" => {
            let parsed = s.strip_suffix('f').and_then(|x| x.parse::<f32>().ok());
            let Some(x) = parsed else {
                return Err(format!("Could not parse {s}"));
            };
            return Ok(deco.scalar(ty, &format!("{:.6}f", x as f64)));
        }
        _ => {}
    }
    let help = if alternatives.is_empty() {
        String::new()
    } else {
        format!(" Did you mean: {}?", alternatives.join(", "))
    };
    Err(format!(
        "Invalid type specifier for {}: {} ({}).{}",
        describe(&ev.val),
        sig,
        ev.text,
        help
    ))
}

/// The element type of an array type: `T` for `T[]`, `T[M]` for `T[N][M]`.
pub fn array_base(ty: &TypeSpec) -> TypeSpec {
    let mut base = ty.clone();
    match &ty.array {
        ArrayKind::Fixed(dims) if dims.len() > 1 => {
            base.array = ArrayKind::Fixed(dims[1..].to_vec());
            base.dims = ty.dims.get(1..).map(<[usize]>::to_vec).unwrap_or_default();
        }
        _ => {
            base.array = ArrayKind::None;
            base.dims.clear();
        }
    }
    base
}
