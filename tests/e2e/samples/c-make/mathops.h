#ifndef MATHOPS_H
#define MATHOPS_H
long mul(long a, long b);
#endif
