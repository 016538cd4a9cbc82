/* binder-sim compat: stand-in for bionic's <sys/system_properties.h> (glibc has none).
 * cutils/properties.h only needs the two size limits. Our own file. */
#pragma once
#define PROP_NAME_MAX 32
#define PROP_VALUE_MAX 92
