/*
 * Prints what EDFlib (Debian package libedf-dev; Teunis van Beelen's reference reader, which
 * refuses files that break the EDF+ specification) reads from an EDF+ file, for ExportEdfTest:
 *   header <filetype> <records> <record duration, 100 ns> <yyyy mm dd hh mm ss> <subsecond, 100 ns> <annotations>
 *   field <name>\t<text>
 *   signal <index>\t<label>\t<dimension>\t<physical min>\t<physical max>\t<digital min>\t<digital max>\t<samples per record>\t<samples in file>
 *   annotation <onset, 100 ns>\t<duration, 100 ns or -1>\t<text>
 *   samples <index> <physical value> ...
 * Exit status 2 and "error <code>" when EDFlib refuses the file.
 */
#include <edflib.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    struct edf_hdr_struct hdr;
    if (argc != 2) {
        fprintf(stderr, "usage: edf_dump FILE.edf\n");
        return 1;
    }
    if (edfopen_file_readonly(argv[1], &hdr, EDFLIB_READ_ALL_ANNOTATIONS) != 0) {
        printf("error %d\n", hdr.filetype);
        return 2;
    }
    printf("header %d %lld %lld %04d %02d %02d %02d %02d %02d %lld %lld\n", hdr.filetype, hdr.datarecords_in_file,
           hdr.datarecord_duration, hdr.startdate_year, hdr.startdate_month, hdr.startdate_day, hdr.starttime_hour,
           hdr.starttime_minute, hdr.starttime_second, hdr.starttime_subsecond, hdr.annotations_in_file);
    printf("field patientcode\t%s\n", hdr.patientcode);
    printf("field admincode\t%s\n", hdr.admincode);
    printf("field equipment\t%s\n", hdr.equipment);
    printf("field recording_additional\t%s\n", hdr.recording_additional);
    for (int i = 0; i < hdr.edfsignals; i++) {
        struct edf_param_struct *s = &hdr.signalparam[i];
        printf("signal %d\t%s\t%s\t%.9g\t%.9g\t%d\t%d\t%d\t%lld\n", i, s->label, s->physdimension, s->phys_min,
               s->phys_max, s->dig_min, s->dig_max, s->smp_in_datarecord, s->smp_in_file);
    }
    for (long long n = 0; n < hdr.annotations_in_file; n++) {
        struct edf_annotation_struct a;
        if (edf_get_annotation(hdr.handle, (int) n, &a) != 0) {
            printf("error annotation %lld\n", n);
            return 2;
        }
        printf("annotation %lld\t%lld\t%s\n", a.onset, a.duration_l, a.annotation);
    }
    for (int i = 0; i < hdr.edfsignals; i++) {
        long long count = hdr.signalparam[i].smp_in_file;
        double *values = malloc(sizeof(double) * (count > 0 ? count : 1));
        if (edfread_physical_samples(hdr.handle, i, (int) count, values) != count) {
            printf("error samples %d\n", i);
            return 2;
        }
        printf("samples %d", i);
        for (long long k = 0; k < count; k++) {
            printf(" %.9g", values[k]);
        }
        printf("\n");
        free(values);
    }
    edfclose_file(hdr.handle);
    return 0;
}
