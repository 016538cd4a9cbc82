package android.os;

import android.os.ServiceWithMetadata;

/** What getService2/checkService2 return: the service, or an accessor that reaches it. */
union Service {
    ServiceWithMetadata serviceWithMetadata;
    @nullable IBinder accessor;
}
