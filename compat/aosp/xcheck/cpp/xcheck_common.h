// binder-sim compat, AIDL cross-check: what the C++ service and client share. Our own file;
// the sim/xcheck/*.h headers are generated at build time by Debian's `aidl --lang=cpp`
// (Android 10) from ../aidl, and never kept in the repository.
#pragma once

#include <sim/xcheck/Payload.h>

#include <string.h>

#include <memory>
#include <string>

namespace xcheck {

// A copy of p: the generated class is not copyable (its @nullable String is a unique_ptr).
inline sim::xcheck::Payload copyPayload(const sim::xcheck::Payload &p)
{
    sim::xcheck::Payload q;
    q.flag = p.flag;
    q.b = p.b;
    q.c = p.c;
    q.i = p.i;
    q.l = p.l;
    q.f = p.f;
    q.d = p.d;
    q.s = p.s;
    q.u = p.u;
    q.ns = p.ns ? std::make_unique<android::String16>(*p.ns) : nullptr;
    q.ints = p.ints;
    q.names = p.names;
    q.binder = p.binder;
    return q;
}

// Field-by-field equality (floats by bits, so that a NaN or a -0.0 must come back as sent).
inline bool samePayload(const sim::xcheck::Payload &a, const sim::xcheck::Payload &b)
{
    return a.flag == b.flag && a.b == b.b && a.c == b.c && a.i == b.i && a.l == b.l &&
           memcmp(&a.f, &b.f, sizeof a.f) == 0 && memcmp(&a.d, &b.d, sizeof a.d) == 0 &&
           a.s == b.s && a.u == b.u && (a.ns == nullptr) == (b.ns == nullptr) &&
           (a.ns == nullptr || *a.ns == *b.ns) && a.ints == b.ints && a.names == b.names &&
           a.binder == b.binder;
}

} // namespace xcheck
