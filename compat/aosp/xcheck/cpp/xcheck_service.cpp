// binder-sim compat, AIDL cross-check: the C++ service. IXCheck (../aidl) as compiled by
// Debian's `aidl --lang=cpp` (Android 10), on AOSP's libbinder; it becomes the context manager
// of /dev/binder (binder-run maps it to binderd's socket) with an IXCheck as its context
// object, for xcheck-client (Rust, binder-sim's libbinder) to find at handle 0. Serves until
// killed. Our own file.
#include <binder/IPCThreadState.h>
#include <binder/ProcessState.h>
#include <sim/xcheck/BnXCheck.h>
#include <sim/xcheck/IXCallback.h>
#include <sim/xcheck/IXListener.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <new>
#include <numeric>
#include <vector>

#include "xcheck_common.h"

namespace android {
// Android 10's IPCThreadState.cpp defines it (what answers transactions to handle 0) but no
// header declares it: its only user was the in-tree servicemanager of the time.
void setTheContextObject(sp<BBinder> obj);
} // namespace android

using android::sp;
using android::String16;
using android::binder::Status;
using sim::xcheck::IXCallback;
using sim::xcheck::IXCheck;
using sim::xcheck::Payload;

namespace {

// o = v reversed, io = io + v, returns v: the interface's array semantics.
template <typename T>
Status arrays(const std::vector<T> &v, std::vector<T> *o, std::vector<T> *io, std::vector<T> *ret)
{
    o->assign(v.rbegin(), v.rend());
    io->insert(io->end(), v.begin(), v.end());
    *ret = v;
    return Status::ok();
}

Status dup(const android::os::ParcelFileDescriptor &v, android::os::ParcelFileDescriptor *ret)
{
    int fd = fcntl(v.get(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0) {
        return Status::fromExceptionCode(Status::EX_ILLEGAL_STATE, "dup failed");
    }
    // Android 10's ParcelFileDescriptor has a move constructor but no assignment: replace the
    // (empty) object the stub passed in place.
    ret->~ParcelFileDescriptor();
    new (ret) android::os::ParcelFileDescriptor(android::base::unique_fd(fd));
    return Status::ok();
}

class XCheck : public sim::xcheck::BnXCheck {
public:
    Status constants(std::string *ret) override
    {
        *ret = std::string(android::String8(IXCheck::NAME()).string()) + ":" +
               std::to_string(IXCheck::ERROR_CODE) + ":" + std::to_string(IXCheck::ALL_BITS);
        return Status::ok();
    }
    Status rBoolean(bool v, bool *ret) override { *ret = v; return Status::ok(); }
    Status rByte(int8_t v, int8_t *ret) override { *ret = v; return Status::ok(); }
    Status rChar(char16_t v, char16_t *ret) override { *ret = v; return Status::ok(); }
    Status rInt(int32_t v, int32_t *ret) override { *ret = v; return Status::ok(); }
    Status rLong(int64_t v, int64_t *ret) override { *ret = v; return Status::ok(); }
    Status rFloat(float v, float *ret) override { *ret = v; return Status::ok(); }
    Status rDouble(double v, double *ret) override { *ret = v; return Status::ok(); }
    Status rString(const String16 &v, String16 *ret) override { *ret = v; return Status::ok(); }
    Status rUtf8(const std::string &v, std::string *ret) override { *ret = v; return Status::ok(); }
    Status rNullableString(const std::unique_ptr<String16> &v,
                           std::unique_ptr<String16> *ret) override
    {
        *ret = v ? std::make_unique<String16>(*v) : nullptr;
        return Status::ok();
    }
    Status rNullableUtf8(const std::unique_ptr<std::string> &v,
                         std::unique_ptr<std::string> *ret) override
    {
        *ret = v ? std::make_unique<std::string>(*v) : nullptr;
        return Status::ok();
    }
    Status rBooleans(const std::vector<bool> &v, std::vector<bool> *o, std::vector<bool> *io,
                     std::vector<bool> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rBytes(const std::vector<uint8_t> &v, std::vector<uint8_t> *o,
                  std::vector<uint8_t> *io, std::vector<uint8_t> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rChars(const std::vector<char16_t> &v, std::vector<char16_t> *o,
                  std::vector<char16_t> *io, std::vector<char16_t> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rInts(const std::vector<int32_t> &v, std::vector<int32_t> *o,
                 std::vector<int32_t> *io, std::vector<int32_t> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rLongs(const std::vector<int64_t> &v, std::vector<int64_t> *o,
                  std::vector<int64_t> *io, std::vector<int64_t> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rFloats(const std::vector<float> &v, std::vector<float> *o, std::vector<float> *io,
                   std::vector<float> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rDoubles(const std::vector<double> &v, std::vector<double> *o,
                    std::vector<double> *io, std::vector<double> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rStrings(const std::vector<String16> &v, std::vector<String16> *o,
                    std::vector<String16> *io, std::vector<String16> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rUtf8s(const std::vector<std::string> &v, std::vector<std::string> *o,
                  std::vector<std::string> *io, std::vector<std::string> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rNullableInts(const std::unique_ptr<std::vector<int32_t>> &v,
                         std::unique_ptr<std::vector<int32_t>> *ret) override
    {
        *ret = v ? std::make_unique<std::vector<int32_t>>(*v) : nullptr;
        return Status::ok();
    }
    using NullableStrings = std::vector<std::unique_ptr<String16>>;
    static std::unique_ptr<NullableStrings> copyStrings(const std::unique_ptr<NullableStrings> &v)
    {
        if (!v) {
            return nullptr;
        }
        auto out = std::make_unique<NullableStrings>();
        for (const auto &s : *v) {
            out->push_back(s ? std::make_unique<String16>(*s) : nullptr);
        }
        return out;
    }
    Status rNullableStrings(const std::unique_ptr<NullableStrings> &v,
                            std::unique_ptr<NullableStrings> *ret) override
    {
        *ret = copyStrings(v);
        return Status::ok();
    }
    Status rList(const std::vector<String16> &v, std::vector<String16> *o,
                 std::vector<String16> *io, std::vector<String16> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rUtf8List(const std::vector<std::string> &v, std::vector<std::string> *o,
                     std::vector<std::string> *io, std::vector<std::string> *ret) override
    {
        return arrays(v, o, io, ret);
    }
    Status rNullableList(const std::unique_ptr<NullableStrings> &v,
                         std::unique_ptr<NullableStrings> *ret) override
    {
        *ret = copyStrings(v);
        return Status::ok();
    }
    Status rBinder(const sp<android::IBinder> &v, sp<android::IBinder> *ret) override
    {
        *ret = v;
        return Status::ok();
    }
    Status rNullableBinder(const sp<android::IBinder> &v, sp<android::IBinder> *ret) override
    {
        *ret = v;
        return Status::ok();
    }
    Status rBinderList(const std::vector<sp<android::IBinder>> &v,
                       std::vector<sp<android::IBinder>> *ret) override
    {
        *ret = v;
        return Status::ok();
    }
    Status callBack(const sp<IXCallback> &cb, int32_t v, int32_t *ret) override
    {
        return cb->apply(v, ret);
    }
    Status rCallback(const sp<IXCallback> &cb, sp<IXCallback> *ret) override
    {
        *ret = cb;
        return Status::ok();
    }
    Status rNullableCallback(const sp<IXCallback> &cb, sp<IXCallback> *ret) override
    {
        *ret = cb;
        return Status::ok();
    }
    Status tell(const sp<sim::xcheck::IXListener> &l, int32_t v) override
    {
        return l->onEvent(v, "event");
    }
    Status rPayload(const Payload &v, Payload *o, Payload *io, Payload *ret) override
    {
        *o = xcheck::copyPayload(v);
        o->i = int32_t(uint32_t(v.i) + 1); // wraps, as the Rust client expects
        io->l *= 2;
        io->names.push_back(String16("io"));
        *ret = xcheck::copyPayload(v);
        return Status::ok();
    }
    Status rNullablePayload(const std::unique_ptr<Payload> &v,
                            std::unique_ptr<Payload> *ret) override
    {
        *ret = v ? std::make_unique<Payload>(xcheck::copyPayload(*v)) : nullptr;
        return Status::ok();
    }
    Status rPayloads(const std::vector<Payload> &v, std::vector<Payload> *ret) override
    {
        ret->clear();
        for (const auto &p : v) {
            ret->push_back(xcheck::copyPayload(p));
        }
        return Status::ok();
    }
    Status defaults(Payload *ret) override
    {
        *ret = Payload();
        return Status::ok();
    }
    Status other(sp<IXCheck> *ret) override
    {
        *ret = new XCheck();
        return Status::ok();
    }
    Status rPfd(const android::os::ParcelFileDescriptor &v,
                android::os::ParcelFileDescriptor *ret) override
    {
        return dup(v, ret);
    }
    Status rNullablePfd(const std::unique_ptr<android::os::ParcelFileDescriptor> &v,
                        std::unique_ptr<android::os::ParcelFileDescriptor> *ret) override
    {
        if (!v) {
            ret->reset();
            return Status::ok();
        }
        *ret = std::make_unique<android::os::ParcelFileDescriptor>();
        return dup(*v, ret->get());
    }
    Status rPfds(const std::vector<android::os::ParcelFileDescriptor> &v,
                 std::vector<android::os::ParcelFileDescriptor> *ret) override
    {
        ret->clear();
        for (const auto &fd : v) {
            android::os::ParcelFileDescriptor d;
            Status st = dup(fd, &d);
            if (!st.isOk()) {
                return st;
            }
            ret->push_back(std::move(d));
        }
        return Status::ok();
    }
    Status ping(int32_t v) override
    {
        std::lock_guard<std::mutex> l(mLock);
        mPings.push_back(v);
        mPinged.notify_all();
        return Status::ok();
    }
    Status waitPings(int32_t count, int32_t *ret) override
    {
        std::unique_lock<std::mutex> l(mLock);
        mPinged.wait_for(l, std::chrono::seconds(5),
                         [&] { return mPings.size() >= size_t(count); });
        *ret = std::accumulate(mPings.begin(), mPings.end(), 0);
        mPings.clear();
        return Status::ok();
    }
    Status failServiceSpecific(int32_t code, const std::string &message) override
    {
        return Status::fromServiceSpecificError(code, message.c_str());
    }
    Status failException() override
    {
        return Status::fromExceptionCode(Status::EX_ILLEGAL_ARGUMENT, "not this one");
    }
    Status failNull() override { return Status::fromExceptionCode(Status::EX_NULL_POINTER); }

private:
    std::mutex mLock;
    std::condition_variable mPinged;
    std::vector<int32_t> mPings;
};

} // namespace

int main()
{
    sp<android::ProcessState> ps = android::ProcessState::self();
    sp<XCheck> service = new XCheck();
    android::setTheContextObject(service);
    if (!ps->becomeContextManager(nullptr, nullptr)) {
        fprintf(stderr, "xcheck_service: cannot become the context manager\n");
        return 2;
    }
    ps->startThreadPool();
    android::IPCThreadState::self()->joinThreadPool();
    return 1;
}
