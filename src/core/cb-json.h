/* cb-json.h: a strict RFC 8259 reader and a deterministic writer
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 accepts comments, single quotes, trailing data, duplicate
 * member names and escaped NUL characters, overflows its stack on deep
 * nesting and writes numbers it cannot read back. Project files are read
 * with this reader instead: strict, located errors, bounded depth, numbers
 * kept as written. The tree lives in an arena freed in one go.
 */
#pragma once

#include <glib.h>

#include "cb-types.h"

G_BEGIN_DECLS

typedef enum {
  CB_JSON_NULL,
  CB_JSON_FALSE,
  CB_JSON_TRUE,
  CB_JSON_NUMBER,
  CB_JSON_STRING,
  CB_JSON_ARRAY,
  CB_JSON_OBJECT,
} CbJsonType;

typedef struct {
  const char *name;
  gsize name_len;
  CbJson *value;
} CbJsonMember;

struct _CbJson
{
  CbJsonType type;
  guint line;
  guint column;
  union {
    struct { const char *text; gsize len; double value; } number; /* text as written */
    struct { const char *str; gsize len; } string;               /* UTF-8, no NUL inside */
    struct { CbJson **items; guint n; } array;
    struct { CbJsonMember *members; guint n; } object;
  } v;
};

typedef struct _CbJsonDoc CbJsonDoc;

#define CB_JSON_MAX_DEPTH 256

/* Parses @data strictly. On failure returns NULL and fills line, column
 * (1-based; the place of the first offending character) and a translated
 * message. */
CbJsonDoc    *cb_json_parse            (const char  *data,
                                        gsize        length,
                                        guint       *error_line,
                                        guint       *error_column,
                                        char       **error_message);
CbJson       *cb_json_doc_get_root     (CbJsonDoc   *doc);
void          cb_json_doc_free         (CbJsonDoc   *doc);

/* Reading value by value, with the same strict checks. */
typedef struct _CbJsonReader CbJsonReader;

CbJsonReader *cb_json_reader_new          (const char    *data,
                                           gsize          length);
void          cb_json_reader_free         (CbJsonReader  *reader);
gboolean      cb_json_reader_failed       (CbJsonReader  *reader);
void          cb_json_reader_get_error    (CbJsonReader  *reader,
                                           guint         *line,
                                           guint         *column,
                                           char         **message);
void          cb_json_reader_get_position (CbJsonReader  *reader,
                                           guint         *line,
                                           guint         *column);
gboolean      cb_json_reader_peek         (CbJsonReader  *reader,
                                           CbJsonType    *type);
gboolean      cb_json_reader_enter_object (CbJsonReader  *reader);
gboolean      cb_json_reader_next_member  (CbJsonReader  *reader,
                                           const char   **name,
                                           gsize         *name_len);
gboolean      cb_json_reader_enter_array  (CbJsonReader  *reader);
gboolean      cb_json_reader_next_element (CbJsonReader  *reader);
gboolean      cb_json_reader_read_string  (CbJsonReader  *reader,
                                           const char   **str,
                                           gsize         *len);
gboolean      cb_json_reader_read_number  (CbJsonReader  *reader,
                                           double        *value,
                                           const char   **text,
                                           gsize         *len);
CbJson       *cb_json_reader_read_node    (CbJsonReader  *reader);
CbJson       *cb_json_reader_reread_container (CbJsonReader *reader);
char         *cb_json_reader_dup_path     (CbJsonReader  *reader);
gboolean      cb_json_reader_finish       (CbJsonReader  *reader);

/* A stand-alone deep copy (g_malloc'ed), for values kept after the document
 * is freed; free it with cb_json_free(). */
CbJson       *cb_json_copy             (const CbJson *node);
void          cb_json_free             (CbJson       *node);
gboolean      cb_json_equal            (const CbJson *a,
                                        const CbJson *b);
CbJson       *cb_json_object_get       (const CbJson *object,
                                        const char   *name);
const char   *cb_json_type_name        (CbJsonType    type);

/* Writing: canonical form, 2-space indentation, "\n" line ends. */
void          cb_json_write_string     (GString      *out,
                                        const char   *str,
                                        gssize        len);
void          cb_json_write_double     (GString      *out,
                                        double        value);
void          cb_json_write_indent     (GString      *out,
                                        guint         depth);
void          cb_json_write_value      (GString      *out,
                                        const CbJson *node,
                                        guint         depth);
char         *cb_json_to_string        (const CbJson *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbJsonDoc, cb_json_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CbJsonReader, cb_json_reader_free)

G_END_DECLS
