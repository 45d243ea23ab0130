/* The floor for any tool that reads YAML: libyaml's bare event scan, single thread.
 * Reads each file whole (as Clearance does) and pulls every event, doing nothing else.
 * Usage: yaml-scan FILE|DIR...   (directories are walked recursively for .yaml/.yml/.json)
 * Build: cc -O2 -o yaml-scan Benchmarks/yaml-scan.c $(pkg-config --cflags --libs yaml-0.1)
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long events = 0, files = 0;

static int scan(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? size : 1);
    if (size > 0 && fread(bytes, 1, size, f) != (size_t)size) { perror(path); fclose(f); return 1; }
    fclose(f);
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, size);
    int done = 0, status = 0;
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "%s: %s\n", path, parser.problem); status = 1; break; }
        done = event.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(bytes);
    files++;
    return status;
}

static int visit(const char *path, const struct stat *info, int type, struct FTW *walk) {
    (void)info; (void)walk;
    if (type != FTW_F) return 0;
    const char *dot = strrchr(path, '.');
    if (!dot || (strcmp(dot, ".yaml") && strcmp(dot, ".yml") && strcmp(dot, ".json"))) return 0;
    return scan(path);
}

int main(int argc, char **argv) {
    int status = 0;
    for (int i = 1; i < argc; i++) {
        struct stat info;
        if (stat(argv[i], &info) == 0 && S_ISDIR(info.st_mode)) status |= nftw(argv[i], visit, 64, FTW_PHYS);
        else status |= scan(argv[i]);
    }
    printf("%lu files, %lu events\n", files, events);
    return status;
}
