/* cb-json-reader.c: reading a JSON document value by value
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-json"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-json-private.h"

/* The streaming reader */

typedef struct
{
  guint first_member;   /* in parser.members: the names of this object so far */
  gboolean is_object;
  const char *start;    /* where the container starts, to read it again whole */
  guint start_line;
  const char *start_line_start;
  gboolean started;     /* a member or element was read: a ',' comes next */
  guint index;          /* arrays: the element being read */
  GHashTable *seen;     /* names, once the object has many */
} Frame;

struct _CbJsonReader
{
  Parser parser;
  CbJsonDoc *scratch;   /* unescaped strings and subtrees read as nodes */
  GArray *frames;
};

/**
 * cb_json_reader_new:
 * @data: (array length=length): the text, alive as long as the reader
 *
 * A reader that walks the document value by value, with the same strict
 * checks as cb_json_parse(), so that a loader can build its model without
 * holding a whole tree in memory.
 */
CbJsonReader *
cb_json_reader_new (const char *data,
                    gsize       length)
{
  CbJsonReader *reader = g_new0 (CbJsonReader, 1);

  reader->scratch = g_new0 (CbJsonDoc, 1);
  _cb_json_parser_init (&reader->parser, reader->scratch, data, length);
  reader->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  return reader;
}

void
cb_json_reader_free (CbJsonReader *reader)
{
  if (reader == NULL)
    return;
  for (guint i = 0; i < reader->frames->len; i++)
    g_clear_pointer (&g_array_index (reader->frames, Frame, i).seen, g_hash_table_unref);
  g_array_unref (reader->frames);
  _cb_json_parser_clear (&reader->parser);
  cb_json_doc_free (reader->scratch);
  g_free (reader);
}

gboolean
cb_json_reader_failed (CbJsonReader *reader)
{
  return reader->parser.error != NULL;
}

void
cb_json_reader_get_error (CbJsonReader  *reader,
                          guint         *line,
                          guint         *column,
                          char         **message)
{
  g_return_if_fail (reader->parser.error != NULL);
  _cb_json_locate_error (&reader->parser, line, column, message);
}

/* The place of the next value, 1-based; the column counts bytes. */
void
cb_json_reader_get_position (CbJsonReader *reader,
                             guint        *line,
                             guint        *column)
{
  _cb_json_skip_whitespace (&reader->parser);
  *line = reader->parser.line;
  *column = (guint) (reader->parser.p - reader->parser.line_start) + 1;
}

/**
 * cb_json_reader_peek:
 * @type: (out): the type of the next value
 *
 * Returns: %FALSE (and the reader fails) if no value starts here
 */
gboolean
cb_json_reader_peek (CbJsonReader *reader,
                     CbJsonType   *type)
{
  Parser *parser = &reader->parser;

  if (parser->error != NULL)
    return FALSE;
  _cb_json_skip_whitespace (parser);
  if (parser->p >= parser->end)
    return _cb_json_fail (parser, parser->p, _("a value expected, but the text ends here"));
  switch (*parser->p)
    {
    case '{': *type = CB_JSON_OBJECT; return TRUE;
    case '[': *type = CB_JSON_ARRAY; return TRUE;
    case '"': *type = CB_JSON_STRING; return TRUE;
    case 't': *type = CB_JSON_TRUE; return TRUE;
    case 'f': *type = CB_JSON_FALSE; return TRUE;
    case 'n': *type = CB_JSON_NULL; return TRUE;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      *type = CB_JSON_NUMBER;
      return TRUE;
    default:
      /* Let the full parser say what is wrong. */
      _cb_json_parse_value (parser);
      if (parser->error == NULL)
        _cb_json_fail (parser, parser->p, _("a value expected (an object, array, string, number, true, false or null)"));
      return FALSE;
    }
}

static gboolean
enter (CbJsonReader *reader,
       char          open,
       gboolean      is_object)
{
  Parser *parser = &reader->parser;
  Frame frame = { parser->members->len, is_object, NULL, 0, NULL, FALSE, 0, NULL };

  if (parser->error != NULL)
    return FALSE;
  _cb_json_skip_whitespace (parser);
  if (parser->p >= parser->end || *parser->p != open)
    return _cb_json_fail (parser, parser->p, is_object ? _("an object expected") : _("an array expected"));
  if (parser->depth >= CB_JSON_MAX_DEPTH)
    return _cb_json_fail (parser, parser->p, _("nesting too deep: more than %d levels of arrays and objects"),
                 CB_JSON_MAX_DEPTH);
  frame.start = parser->p;
  frame.start_line = parser->line;
  frame.start_line_start = parser->line_start;
  parser->depth++;
  parser->p++;
  g_array_append_val (reader->frames, frame);
  return TRUE;
}

gboolean
cb_json_reader_enter_object (CbJsonReader *reader)
{
  return enter (reader, '{', TRUE);
}

gboolean
cb_json_reader_enter_array (CbJsonReader *reader)
{
  return enter (reader, '[', FALSE);
}

static void
leave (CbJsonReader *reader)
{
  Parser *parser = &reader->parser;
  Frame *frame = &g_array_index (reader->frames, Frame, reader->frames->len - 1);

  g_array_set_size (parser->members, frame->first_member);
  g_clear_pointer (&frame->seen, g_hash_table_unref);
  g_array_set_size (reader->frames, reader->frames->len - 1);
  parser->depth--;
}

/* Reads the separator before the next member or element; FALSE at the end
 * of the container (which is then left) or on an error. */
static gboolean
next_item (CbJsonReader *reader,
           char          close)
{
  Parser *parser = &reader->parser;
  Frame *frame = &g_array_index (reader->frames, Frame, reader->frames->len - 1);

  _cb_json_skip_whitespace (parser);
  if (parser->p >= parser->end)
    return _cb_json_fail (parser, parser->p, frame->is_object ? _("an object is not closed: '}' expected")
                                                     : _("an array is not closed: ']' expected"));
  if (*parser->p == close)
    {
      parser->p++;
      leave (reader);
      return FALSE;
    }
  if (frame->started)
    {
      frame->index++;
      if (*parser->p != ',')
        return _cb_json_fail (parser, parser->p, frame->is_object
                                        ? _("',' or '}' expected after an object member")
                                        : _("',' or ']' expected after an array element"));
      parser->p++;
    }
  frame->started = TRUE;
  return TRUE;
}

/**
 * cb_json_reader_next_member:
 * @name: (out): the member's name, valid as long as the reader
 *
 * Moves to the next member of the object entered last and reads its name;
 * the caller then reads its value.
 *
 * Returns: %FALSE at the end of the object or on an error
 */
gboolean
cb_json_reader_next_member (CbJsonReader  *reader,
                            const char   **name,
                            gsize         *name_len)
{
  Parser *parser = &reader->parser;
  Frame *frame;
  CbJsonMember member = { NULL, 0, NULL };
  const char *name_at;
  guint n;

  if (parser->error != NULL || !next_item (reader, '}'))
    return FALSE;

  frame = &g_array_index (reader->frames, Frame, reader->frames->len - 1);
  _cb_json_skip_whitespace (parser);
  name_at = parser->p;
  if (parser->p >= parser->end || *parser->p != '"')
    return _cb_json_fail (parser, parser->p, _("a member name in double quotes expected"));
  if (!_cb_json_parse_string_raw (parser, &member.name, &member.name_len))
    return FALSE;

  n = parser->members->len - frame->first_member;
  if (n < 16)
    {
      if (!_cb_json_check_duplicates (parser, frame->first_member, n, member.name, member.name_len, name_at))
        return FALSE;
    }
  else
    {
      if (frame->seen == NULL)
        {
          frame->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint i = frame->first_member; i < parser->members->len; i++)
            {
              CbJsonMember *m = &g_array_index (parser->members, CbJsonMember, i);

              g_hash_table_add (frame->seen, g_strndup (m->name, m->name_len));
            }
        }
      if (!g_hash_table_add (frame->seen, g_strndup (member.name, member.name_len)))
        return _cb_json_check_duplicates (parser, frame->first_member, n, member.name, member.name_len,
                                 name_at);
    }
  g_array_append_val (parser->members, member);

  _cb_json_skip_whitespace (parser);
  if (parser->p >= parser->end || *parser->p != ':')
    return _cb_json_fail (parser, parser->p, _("':' expected after a member name"));
  parser->p++;
  *name = member.name;
  *name_len = member.name_len;
  return TRUE;
}

/**
 * cb_json_reader_next_element:
 *
 * Moves to the next element of the array entered last.
 *
 * Returns: %FALSE at the end of the array or on an error
 */
gboolean
cb_json_reader_next_element (CbJsonReader *reader)
{
  if (reader->parser.error != NULL)
    return FALSE;
  return next_item (reader, ']');
}

/**
 * cb_json_reader_read_string:
 * @str: (out): the string, UTF-8 without NUL, valid as long as the reader
 */
gboolean
cb_json_reader_read_string (CbJsonReader  *reader,
                            const char   **str,
                            gsize         *len)
{
  Parser *parser = &reader->parser;

  if (parser->error != NULL)
    return FALSE;
  _cb_json_skip_whitespace (parser);
  if (parser->p >= parser->end || *parser->p != '"')
    return _cb_json_fail (parser, parser->p, _("a string expected"));
  return _cb_json_parse_string_raw (parser, str, len);
}

/**
 * cb_json_reader_read_number:
 * @text: (out): the number as written, valid as long as the reader
 */
gboolean
cb_json_reader_read_number (CbJsonReader  *reader,
                            double        *value,
                            const char   **text,
                            gsize         *len)
{
  Parser *parser = &reader->parser;

  if (parser->error != NULL)
    return FALSE;
  _cb_json_skip_whitespace (parser);
  return _cb_json_scan_number (parser, value, text, len);
}

/**
 * cb_json_reader_read_node:
 *
 * Reads the next value whole.
 *
 * Returns: (transfer full) (nullable): a stand-alone copy (free it with
 * cb_json_free()), or %NULL on an error
 */
CbJson *
cb_json_reader_read_node (CbJsonReader *reader)
{
  CbJson *node;

  if (reader->parser.error != NULL)
    return NULL;
  node = _cb_json_parse_value (&reader->parser);
  return node ? cb_json_copy (node) : NULL;
}

/**
 * cb_json_reader_reread_container:
 *
 * Reads the container entered last again, whole and from its start, and
 * leaves it: for a loader that finds half-way through an array that it
 * cannot bind it, and keeps it exactly as written instead.
 *
 * Returns: (transfer full) (nullable): a stand-alone copy of the whole
 * container, or %NULL on an error
 */
CbJson *
cb_json_reader_reread_container (CbJsonReader *reader)
{
  Parser *parser = &reader->parser;
  Frame *frame;
  CbJson *node;

  g_return_val_if_fail (reader->frames->len > 0, NULL);
  if (parser->error != NULL)
    return NULL;

  frame = &g_array_index (reader->frames, Frame, reader->frames->len - 1);
  parser->p = frame->start;
  parser->line = frame->start_line;
  parser->line_start = frame->start_line_start;
  g_array_set_size (parser->members, frame->first_member);
  g_clear_pointer (&frame->seen, g_hash_table_unref);
  g_array_set_size (reader->frames, reader->frames->len - 1);
  parser->depth--;

  node = _cb_json_parse_value (parser);
  return node ? cb_json_copy (node) : NULL;
}

/**
 * cb_json_reader_dup_path:
 *
 * Returns: (transfer full): where the reader is, as a JSON path such as
 * `courses[2].modules[0].hours`; "" at the top level
 */
char *
cb_json_reader_dup_path (CbJsonReader *reader)
{
  GString *path = g_string_new (NULL);
  Parser *parser = &reader->parser;

  for (guint i = 0; i < reader->frames->len; i++)
    {
      Frame *frame = &g_array_index (reader->frames, Frame, i);

      if (!frame->started)
        break;
      if (!frame->is_object)
        {
          g_string_append_printf (path, "[%u]", frame->index);
          continue;
        }
      /* The member read last in this object, if one was. */
      {
        guint end = (i + 1 < reader->frames->len)
                    ? g_array_index (reader->frames, Frame, i + 1).first_member
                    : parser->members->len;
        CbJsonMember *member;

        if (end <= frame->first_member)
          break;
        member = &g_array_index (parser->members, CbJsonMember, end - 1);
        if (path->len > 0)
          g_string_append_c (path, '.');
        g_string_append_len (path, member->name, member->name_len);
      }
    }
  return g_string_free (path, FALSE);
}

/**
 * cb_json_reader_finish:
 *
 * Checks that nothing but white space follows the value read.
 */
gboolean
cb_json_reader_finish (CbJsonReader *reader)
{
  if (reader->parser.error != NULL)
    return FALSE;
  return _cb_json_check_trailing_data (&reader->parser);
}
