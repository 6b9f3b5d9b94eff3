/* cb-json-private.h: the parser's internals, shared with the streaming reader
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cb-json.h"

G_BEGIN_DECLS

typedef struct _Chunk Chunk;
struct _Chunk
{
  Chunk *next;
  gsize used;
  gsize size;
  char data[];
};

struct _CbJsonDoc
{
  Chunk *chunks;
  CbJson *root;
};

typedef struct
{
  CbJsonDoc *doc;
  const char *start;
  const char *p;
  const char *end;
  const char *line_start;
  guint line;
  guint depth;
  GPtrArray *items;     /* stack of array elements being parsed */
  GArray *members;      /* stack of object members being parsed */
  const char *error_at;
  char *error;
} Parser;

gboolean  _cb_json_fail                (Parser       *parser,
                                        const char   *at,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (3, 4);
void      _cb_json_skip_whitespace     (Parser       *parser);
gboolean  _cb_json_parse_string_raw    (Parser       *parser,
                                        const char  **out_str,
                                        gsize        *out_len);
gboolean  _cb_json_scan_number         (Parser       *parser,
                                        double       *out_value,
                                        const char  **out_text,
                                        gsize        *out_len);
gboolean  _cb_json_check_duplicates    (Parser       *parser,
                                        guint         first,
                                        guint         n,
                                        const char   *name,
                                        gsize         name_len,
                                        const char   *at);
CbJson   *_cb_json_parse_value         (Parser       *parser);
void      _cb_json_parser_init         (Parser       *parser,
                                        CbJsonDoc    *doc,
                                        const char   *data,
                                        gsize         length);
void      _cb_json_parser_clear        (Parser       *parser);
gboolean  _cb_json_check_trailing_data (Parser       *parser);
void      _cb_json_locate_error        (Parser       *parser,
                                        guint        *error_line,
                                        guint        *error_column,
                                        char        **error_message);

G_END_DECLS
