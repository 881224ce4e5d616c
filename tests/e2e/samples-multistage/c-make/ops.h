double op_hypot(double a, double b);
long op_mul(long a, long b);
