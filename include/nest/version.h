/* include/nest/version.h - Nest's version, printed in the boot banner. */
#ifndef NEST_VERSION_H
#define NEST_VERSION_H

#define NEST_VERSION	"0.1.0"

#endif /* NEST_VERSION_H */
