// binder-sim compat, AIDL cross-check: the C++ client. IXCheck (../aidl) as compiled by
// Debian's `aidl --lang=cpp` (Android 10), on AOSP's libbinder; it takes the context object
// (handle 0) of /dev/binder, served by xcheck-service (Rust, binder-sim's libbinder, the same
// .aidl compiled by binder-aidl), and checks every method. Prints a line per check
// (`[       OK ] name` or `[  FAILED  ] name: why`) and, last, `N passed, N failed`; exit
// status 0 only if all passed. Our own file.
#include <binder/IInterface.h>
#include <binder/IPCThreadState.h>
#include <binder/Parcel.h>
#include <binder/ProcessState.h>
#include <sim/xcheck/BnXCallback.h>
#include <sim/xcheck/BnXListener.h>
#include <sim/xcheck/IXCheck.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

#include "xcheck_common.h"

using android::IBinder;
using android::IInterface;
using android::sp;
using android::String16;
using android::binder::Status;
using sim::xcheck::IXCallback;
using sim::xcheck::IXCheck;
using sim::xcheck::Payload;

namespace {

int passed, failed;

// Runs one check: an empty answer is a pass, anything else says why it failed.
void check(const char *name, const std::function<std::string()> &f)
{
    std::string why = f();
    if (why.empty()) {
        passed++;
        printf("[       OK ] %s\n", name);
    } else {
        failed++;
        printf("[  FAILED  ] %s: %s\n", name, why.c_str());
    }
    fflush(stdout);
}

// A call that must succeed.
#define CALL(expr)                                                                             \
    do {                                                                                       \
        Status st_ = (expr);                                                                   \
        if (!st_.isOk()) return std::string(#expr) + ": " + st_.toString8().string();          \
    } while (0)
// A condition that must hold.
#define EXPECT(cond)                                                                           \
    do {                                                                                       \
        if (!(cond)) return std::string("expected ") + #cond;                                  \
    } while (0)

// Adds its value; the callback this client passes to the service.
class Adder : public sim::xcheck::BnXCallback {
public:
    explicit Adder(int32_t add) : mAdd(add) {}
    Status apply(int32_t v, int32_t *ret) override
    {
        *ret = v + mAdd;
        return Status::ok();
    }

private:
    int32_t mAdd;
};

// Records what the service tells it (a oneway interface).
class Listener : public sim::xcheck::BnXListener {
public:
    Status onEvent(int32_t v, const std::string &what) override
    {
        std::lock_guard<std::mutex> l(lock);
        events.push_back(std::to_string(v) + " " + what);
        arrived.notify_all();
        return Status::ok();
    }
    std::mutex lock;
    std::condition_variable arrived;
    std::vector<std::string> events;
};

// An array method: returns v, o is v reversed, io gets v appended.
template <typename T, typename M>
std::string arrays(const sp<IXCheck> &s, M method, const std::vector<T> &v, std::vector<T> io)
{
    std::vector<T> o, ret, wantIo = io;
    wantIo.insert(wantIo.end(), v.begin(), v.end());
    CALL((s.get()->*method)(v, &o, &io, &ret));
    EXPECT(ret == v);
    EXPECT(o == std::vector<T>(v.rbegin(), v.rend()));
    EXPECT(io == wantIo);
    return "";
}

// Writes what through w and reads it back from r: whether w reaches r's pipe.
std::string through(int r, int w, const std::string &what)
{
    EXPECT(write(w, what.data(), what.size()) == ssize_t(what.size()));
    std::string buf(what.size(), '\0');
    EXPECT(read(r, &buf[0], buf.size()) == ssize_t(buf.size()));
    EXPECT(buf == what);
    return "";
}

struct Pipe {
    int fd[2] = {-1, -1};
    Pipe() { pipe2(fd, O_CLOEXEC); }
    ~Pipe()
    {
        close(fd[0]);
        close(fd[1]);
    }
    // A ParcelFileDescriptor owning a duplicate of the write end.
    android::os::ParcelFileDescriptor writeEnd() const
    {
        return android::os::ParcelFileDescriptor(
                android::base::unique_fd(fcntl(fd[1], F_DUPFD_CLOEXEC, 0)));
    }
};

// A Payload with no field at its default.
Payload fullPayload(const sp<IBinder> &binder)
{
    Payload p;
    p.flag = false;
    p.b = std::numeric_limits<int8_t>::min();
    p.c = u'Ω';
    p.i = std::numeric_limits<int32_t>::min();
    p.l = std::numeric_limits<int64_t>::max();
    p.f = -0.125f;
    p.d = 1e300;
    p.s = String16("héllo, 世界");
    p.u = "ütf8 🦀";
    p.ns = std::make_unique<String16>("present");
    p.ints = {1, -2, std::numeric_limits<int32_t>::max()};
    p.names = {String16("a"), String16(""), String16("ç")};
    p.binder = binder;
    return p;
}

using NullableStrings = std::vector<std::unique_ptr<String16>>;

void checks(const sp<IXCheck> &s)
{
    sp<Adder> adder = new Adder(100);
    sp<IBinder> local = IInterface::asBinder(adder);
    sp<IBinder> remote = IInterface::asBinder(s);
    // A binder of the service's own for the checks that send one back to it: not the context
    // object. libbinder (AOSP's, and ours after it) writes handle 0 as it writes a null
    // binder, outside the offsets list, since handle 0 names the context manager in every
    // process; so the driver does not translate it, and in the context manager itself handle
    // 0 cannot be acquired (EINVAL, as from Linux's driver; Android 10's libbinder then
    // aborts). The C servicemanager never receives a reference to itself.
    sp<IXCheck> theirsObject;
    sp<IBinder> theirs = s->other(&theirsObject).isOk() && theirsObject != nullptr
            ? IInterface::asBinder(theirsObject)
            : remote;
    const std::vector<String16> strings = {String16("a"), String16(""), String16("日本 🦀")};
    const std::vector<std::string> utf8s = {"a", "", "日本 🦀"};

    check("descriptor", [&] {
        EXPECT(remote->getInterfaceDescriptor() == String16("sim.xcheck.IXCheck"));
        return std::string();
    });
    check("constants", [&] {
        std::string ret;
        CALL(s->constants(&ret));
        EXPECT(ret == "xcheck:42:-1");
        EXPECT(IXCheck::ERROR_CODE == 42 && IXCheck::NAME() == String16("xcheck") &&
               IXCheck::ALL_BITS == -1);
        return std::string();
    });
    check("boolean", [&] {
        bool ret = false;
        CALL(s->rBoolean(true, &ret));
        EXPECT(ret);
        CALL(s->rBoolean(false, &ret));
        EXPECT(!ret);
        return std::string();
    });
    check("byte", [&] {
        int8_t ret = 0;
        CALL(s->rByte(-128, &ret));
        EXPECT(ret == -128);
        CALL(s->rByte(127, &ret));
        EXPECT(ret == 127);
        return std::string();
    });
    check("char", [&] {
        char16_t ret = 0;
        CALL(s->rChar(0xffff, &ret));
        EXPECT(ret == 0xffff);
        CALL(s->rChar(u'Ω', &ret));
        EXPECT(ret == u'Ω');
        return std::string();
    });
    check("int", [&] {
        int32_t ret = 0;
        CALL(s->rInt(std::numeric_limits<int32_t>::min(), &ret));
        EXPECT(ret == std::numeric_limits<int32_t>::min());
        CALL(s->rInt(std::numeric_limits<int32_t>::max(), &ret));
        EXPECT(ret == std::numeric_limits<int32_t>::max());
        return std::string();
    });
    check("long", [&] {
        int64_t ret = 0;
        CALL(s->rLong(std::numeric_limits<int64_t>::min(), &ret));
        EXPECT(ret == std::numeric_limits<int64_t>::min());
        CALL(s->rLong(std::numeric_limits<int64_t>::max(), &ret));
        EXPECT(ret == std::numeric_limits<int64_t>::max());
        return std::string();
    });
    check("float", [&] {
        float ret = 0;
        CALL(s->rFloat(std::numeric_limits<float>::max(), &ret));
        EXPECT(ret == std::numeric_limits<float>::max());
        CALL(s->rFloat(-0.0f, &ret));
        EXPECT(ret == 0 && signbit(ret));
        CALL(s->rFloat(NAN, &ret));
        EXPECT(isnan(ret));
        return std::string();
    });
    check("double", [&] {
        double ret = 0;
        CALL(s->rDouble(1e300, &ret));
        EXPECT(ret == 1e300);
        CALL(s->rDouble(std::numeric_limits<double>::min(), &ret));
        EXPECT(ret == std::numeric_limits<double>::min());
        return std::string();
    });
    check("String", [&] {
        String16 ret;
        CALL(s->rString(String16("héllo 🦀"), &ret));
        EXPECT(ret == String16("héllo 🦀"));
        CALL(s->rString(String16(""), &ret));
        EXPECT(ret.size() == 0);
        return std::string();
    });
    check("@utf8InCpp String", [&] {
        std::string ret;
        CALL(s->rUtf8("ütf8 ✓ 🦀", &ret));
        EXPECT(ret == "ütf8 ✓ 🦀");
        return std::string();
    });
    check("@nullable String", [&] {
        std::unique_ptr<String16> ret = std::make_unique<String16>("not null");
        CALL(s->rNullableString(nullptr, &ret));
        EXPECT(ret == nullptr);
        CALL(s->rNullableString(std::make_unique<String16>("x"), &ret));
        EXPECT(ret && *ret == String16("x"));
        std::unique_ptr<std::string> u = std::make_unique<std::string>("not null");
        CALL(s->rNullableUtf8(nullptr, &u));
        EXPECT(u == nullptr);
        CALL(s->rNullableUtf8(std::make_unique<std::string>("ü"), &u));
        EXPECT(u && *u == "ü");
        return std::string();
    });
    check("boolean[] in/out/inout",
          [&] { return arrays<bool>(s, &IXCheck::rBooleans, {true, false, false}, {true}); });
    check("byte[] in/out/inout",
          [&] { return arrays<uint8_t>(s, &IXCheck::rBytes, {0, 1, 0xff, 0x80, 7}, {9}); });
    check("char[] in/out/inout",
          [&] { return arrays<char16_t>(s, &IXCheck::rChars, {0x41, 0x3a9, 0xffff}, {}); });
    check("int[] in/out/inout", [&] {
        return arrays<int32_t>(s, &IXCheck::rInts,
                               {1, -1, std::numeric_limits<int32_t>::max(),
                                std::numeric_limits<int32_t>::min()},
                               {5});
    });
    check("long[] in/out/inout", [&] {
        return arrays<int64_t>(s, &IXCheck::rLongs, {std::numeric_limits<int64_t>::min(), 0, 3},
                               {-1});
    });
    check("float[] in/out/inout",
          [&] { return arrays<float>(s, &IXCheck::rFloats, {1.5f, -2.5f}, {0.25f}); });
    check("double[] in/out/inout",
          [&] { return arrays<double>(s, &IXCheck::rDoubles, {1e-300, 2.0}, {}); });
    check("String[] in/out/inout",
          [&] { return arrays<String16>(s, &IXCheck::rStrings, strings, {String16("first")}); });
    check("@utf8InCpp String[] in/out/inout",
          [&] { return arrays<std::string>(s, &IXCheck::rUtf8s, utf8s, {"ü"}); });
    check("List<String> in/out/inout",
          [&] { return arrays<String16>(s, &IXCheck::rList, strings, {String16("x")}); });
    check("@utf8InCpp List<String> in/out/inout",
          [&] { return arrays<std::string>(s, &IXCheck::rUtf8List, utf8s, {"ü"}); });
    check("@nullable int[]", [&] {
        std::unique_ptr<std::vector<int32_t>> ret = std::make_unique<std::vector<int32_t>>();
        CALL(s->rNullableInts(nullptr, &ret));
        EXPECT(ret == nullptr);
        CALL(s->rNullableInts(std::make_unique<std::vector<int32_t>>(std::vector<int32_t>{4, 5}),
                              &ret));
        EXPECT(ret && *ret == std::vector<int32_t>({4, 5}));
        return std::string();
    });
    auto nullableStrings = [&](Status (IXCheck::*method)(const std::unique_ptr<NullableStrings> &,
                                                         std::unique_ptr<NullableStrings> *)) {
        std::unique_ptr<NullableStrings> ret = std::make_unique<NullableStrings>();
        CALL((s.get()->*method)(nullptr, &ret));
        EXPECT(ret == nullptr);
        auto v = std::make_unique<NullableStrings>();
        v->push_back(std::make_unique<String16>("x"));
        v->push_back(nullptr);
        v->push_back(std::make_unique<String16>(""));
        CALL((s.get()->*method)(v, &ret));
        EXPECT(ret && ret->size() == 3);
        EXPECT((*ret)[0] && *(*ret)[0] == String16("x"));
        EXPECT((*ret)[1] == nullptr);
        EXPECT((*ret)[2] && (*ret)[2]->size() == 0);
        return std::string();
    };
    check("@nullable String[]", [&] { return nullableStrings(&IXCheck::rNullableStrings); });
    check("@nullable List<String>", [&] { return nullableStrings(&IXCheck::rNullableList); });
    check("IBinder", [&] {
        sp<IBinder> ret;
        CALL(s->rBinder(local, &ret));
        EXPECT(ret == local);
        CALL(s->rBinder(theirs, &ret));
        EXPECT(ret == theirs);
        return std::string();
    });
    check("@nullable IBinder", [&] {
        sp<IBinder> ret = local;
        CALL(s->rNullableBinder(nullptr, &ret));
        EXPECT(ret == nullptr);
        CALL(s->rNullableBinder(local, &ret));
        EXPECT(ret == local);
        return std::string();
    });
    check("List<IBinder>", [&] {
        std::vector<sp<IBinder>> v = {local, theirs, local}, ret;
        CALL(s->rBinderList(v, &ret));
        EXPECT(ret == v);
        return std::string();
    });
    check("null for a non-null IBinder is EX_NULL_POINTER", [&] {
        sp<IBinder> ret;
        Status st = s->rBinder(nullptr, &ret);
        EXPECT(st.exceptionCode() == Status::EX_NULL_POINTER);
        return std::string();
    });
    check("interface argument: the service calls back", [&] {
        int32_t ret = 0;
        CALL(s->callBack(adder, 5, &ret));
        EXPECT(ret == 105);
        return std::string();
    });
    check("interface returned", [&] {
        sp<IXCallback> back;
        CALL(s->rCallback(adder, &back));
        EXPECT(back != nullptr && IInterface::asBinder(back) == local);
        int32_t ret = 0;
        CALL(back->apply(1, &ret));
        EXPECT(ret == 101);
        return std::string();
    });
    check("@nullable interface", [&] {
        sp<IXCallback> back = adder;
        CALL(s->rNullableCallback(nullptr, &back));
        EXPECT(back == nullptr);
        CALL(s->rNullableCallback(adder, &back));
        EXPECT(back != nullptr && IInterface::asBinder(back) == local);
        return std::string();
    });
    check("oneway interface: the service calls back without waiting", [&] {
        sp<Listener> listener = new Listener();
        CALL(s->tell(listener, 7));
        std::unique_lock<std::mutex> l(listener->lock);
        listener->arrived.wait_for(l, std::chrono::seconds(5),
                                   [&] { return !listener->events.empty(); });
        EXPECT(listener->events == std::vector<std::string>({"7 event"}));
        return std::string();
    });
    check("parcelable in/out/inout", [&] {
        Payload v = fullPayload(local), o, io = fullPayload(nullptr), ret;
        io.l = 21;
        CALL(s->rPayload(v, &o, &io, &ret));
        EXPECT(xcheck::samePayload(ret, v));
        Payload wantO = xcheck::copyPayload(v);
        wantO.i = int32_t(uint32_t(v.i) + 1);
        EXPECT(xcheck::samePayload(o, wantO));
        Payload wantIo = fullPayload(nullptr);
        wantIo.l = 42;
        wantIo.names.push_back(String16("io"));
        EXPECT(xcheck::samePayload(io, wantIo));
        return std::string();
    });
    check("@nullable parcelable", [&] {
        std::unique_ptr<Payload> ret = std::make_unique<Payload>();
        CALL(s->rNullablePayload(nullptr, &ret));
        EXPECT(ret == nullptr);
        CALL(s->rNullablePayload(std::make_unique<Payload>(fullPayload(nullptr)), &ret));
        EXPECT(ret && xcheck::samePayload(*ret, fullPayload(nullptr)));
        return std::string();
    });
    check("parcelable[]", [&] {
        std::vector<Payload> v, ret;
        v.push_back(fullPayload(theirs));
        v.push_back(Payload());
        CALL(s->rPayloads(v, &ret));
        EXPECT(ret.size() == 2);
        EXPECT(xcheck::samePayload(ret[0], v[0]));
        EXPECT(xcheck::samePayload(ret[1], v[1]));
        return std::string();
    });
    check("parcelable defaults agree", [&] {
        Payload ret = fullPayload(nullptr);
        CALL(s->defaults(&ret));
        EXPECT(Payload().ints == std::vector<int32_t>({1, -2}));
        EXPECT(xcheck::samePayload(ret, Payload()));
        return std::string();
    });
    // The file-descriptor methods go to another object: see IXCheck.other.
    sp<IXCheck> other;
    check("IXCheck returned: another object", [&] {
        CALL(s->other(&other));
        EXPECT(other != nullptr && IInterface::asBinder(other) != remote);
        int32_t ret = 0;
        CALL(other->rInt(-7, &ret));
        EXPECT(ret == -7);
        return std::string();
    });
    check("ParcelFileDescriptor", [&] {
        EXPECT(other != nullptr);
        Pipe p;
        android::os::ParcelFileDescriptor ret;
        CALL(other->rPfd(p.writeEnd(), &ret));
        EXPECT(ret.get() >= 0 && ret.get() != p.fd[1]);
        return through(p.fd[0], ret.get(), "through binder");
    });
    check("@nullable ParcelFileDescriptor", [&] {
        EXPECT(other != nullptr);
        std::unique_ptr<android::os::ParcelFileDescriptor> ret;
        CALL(other->rNullablePfd(nullptr, &ret));
        EXPECT(ret == nullptr);
        Pipe p;
        CALL(other->rNullablePfd(
                std::make_unique<android::os::ParcelFileDescriptor>(p.writeEnd()), &ret));
        EXPECT(ret != nullptr);
        return through(p.fd[0], ret->get(), "again");
    });
    check("ParcelFileDescriptor[]", [&] {
        EXPECT(other != nullptr);
        Pipe p1, p2;
        std::vector<android::os::ParcelFileDescriptor> v, ret;
        v.push_back(p1.writeEnd());
        v.push_back(p2.writeEnd());
        CALL(other->rPfds(v, &ret));
        EXPECT(ret.size() == 2);
        std::string why = through(p1.fd[0], ret[0].get(), "one");
        return why.empty() ? through(p2.fd[0], ret[1].get(), "two") : why;
    });
    check("oneway", [&] {
        for (int32_t v = 1; v <= 5; v++) {
            CALL(s->ping(v));
        }
        int32_t sum = 0;
        CALL(s->waitPings(5, &sum));
        EXPECT(sum == 15);
        return std::string();
    });
    check("service-specific error", [&] {
        Status st = s->failServiceSpecific(IXCheck::ERROR_CODE, "bad thing ü");
        EXPECT(st.exceptionCode() == Status::EX_SERVICE_SPECIFIC);
        EXPECT(st.serviceSpecificErrorCode() == IXCheck::ERROR_CODE);
        EXPECT(st.exceptionMessage() == android::String8("bad thing ü"));
        return std::string();
    });
    check("exception with a message", [&] {
        Status st = s->failException();
        EXPECT(st.exceptionCode() == Status::EX_ILLEGAL_ARGUMENT);
        EXPECT(st.exceptionMessage() == android::String8("not this one"));
        return std::string();
    });
    check("EX_NULL_POINTER from the service", [&] {
        Status st = s->failNull();
        EXPECT(st.exceptionCode() == Status::EX_NULL_POINTER);
        return std::string();
    });
}

} // namespace

int main()
{
    sp<android::ProcessState> ps = android::ProcessState::self();
    // A binder thread serves the calls the service makes back into this process.
    ps->startThreadPool();
    sp<IXCheck> s = android::interface_cast<IXCheck>(ps->getContextObject(nullptr));
    if (s == nullptr) {
        printf("[  FAILED  ] handle 0 as IXCheck\n0 passed, 1 failed\n");
        return 1;
    }
    checks(s);
    printf("%d passed, %d failed\n", passed, failed);
    fflush(stdout);
    // Exit without running static destructors while binder threads still run.
    _exit(failed == 0 ? 0 : 1);
}
