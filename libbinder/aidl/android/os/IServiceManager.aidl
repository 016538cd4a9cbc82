package android.os;

import android.os.ConnectionInfo;
import android.os.IClientCallback;
import android.os.IServiceCallback;
import android.os.Service;
import android.os.ServiceDebugInfo;

/**
 * The service manager at handle 0, as of Android 16. The methods are in AOSP's order: a
 * method's position is its transaction code.
 */
interface IServiceManager {
    const int DUMP_FLAG_PRIORITY_CRITICAL = 1 << 0;
    const int DUMP_FLAG_PRIORITY_HIGH = 1 << 1;
    const int DUMP_FLAG_PRIORITY_NORMAL = 1 << 2;
    const int DUMP_FLAG_PRIORITY_DEFAULT = 1 << 3;
    const int DUMP_FLAG_PRIORITY_ALL = DUMP_FLAG_PRIORITY_CRITICAL | DUMP_FLAG_PRIORITY_HIGH
            | DUMP_FLAG_PRIORITY_NORMAL | DUMP_FLAG_PRIORITY_DEFAULT;
    const int DUMP_FLAG_PROTO = 1 << 4;
    const int FLAG_IS_LAZY_SERVICE = 1 << 30;

    @nullable IBinder getService(@utf8InCpp String name);
    Service getService2(@utf8InCpp String name);
    @nullable IBinder checkService(@utf8InCpp String name);
    Service checkService2(@utf8InCpp String name);
    void addService(@utf8InCpp String name, IBinder service, boolean allowIsolated, int dumpPriority);
    @utf8InCpp String[] listServices(int dumpPriority);
    void registerForNotifications(@utf8InCpp String name, IServiceCallback callback);
    void unregisterForNotifications(@utf8InCpp String name, IServiceCallback callback);
    boolean isDeclared(@utf8InCpp String name);
    @utf8InCpp String[] getDeclaredInstances(@utf8InCpp String iface);
    @nullable @utf8InCpp String updatableViaApex(@utf8InCpp String name);
    @utf8InCpp String[] getUpdatableNames(@utf8InCpp String apexName);
    @nullable ConnectionInfo getConnectionInfo(@utf8InCpp String name);
    void registerClientCallback(@utf8InCpp String name, IBinder service, IClientCallback callback);
    void tryUnregisterService(@utf8InCpp String name, IBinder service);
    ServiceDebugInfo[] getServiceDebugInfo();
}
