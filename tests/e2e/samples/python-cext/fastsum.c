#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *fastsum_add(PyObject *self, PyObject *args) {
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    return PyLong_FromLong(a + b);
}

static PyObject *fastsum_total(PyObject *self, PyObject *arg) {
    PyObject *it = PyObject_GetIter(arg), *item;
    long total = 0;
    if (it == NULL)
        return NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        total += PyLong_AsLong(item);
        Py_DECREF(item);
        if (PyErr_Occurred()) {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(total);
}

static PyMethodDef methods[] = {
    {"add", fastsum_add, METH_VARARGS, "Add two integers."},
    {"total", fastsum_total, METH_O, "Sum an iterable of integers."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "fastsum", NULL, -1, methods};

PyMODINIT_FUNC PyInit_fastsum(void) { return PyModule_Create(&module); }
