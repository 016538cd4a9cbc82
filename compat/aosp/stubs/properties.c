/* binder-sim compat: Debian's libcutils is built without the Android property service, so it
 * has no property_get. libbinder (IServiceManager.cpp) asks for "sys.boot_completed" only to pick
 * a retry interval. There are no properties here: every key reads as unset, so the caller's
 * default is returned, as on a device where the property was never set. Our own file. */
#include <string.h>

#define PROPERTY_VALUE_MAX 92

int property_get(const char *key, char *value, const char *default_value)
{
    (void)key;
    if (value == NULL)
        return 0;
    if (default_value == NULL) {
        value[0] = '\0';
        return 0;
    }
    size_t len = strlen(default_value);
    if (len >= PROPERTY_VALUE_MAX)
        len = PROPERTY_VALUE_MAX - 1;
    memcpy(value, default_value, len);
    value[len] = '\0';
    return (int)len;
}
