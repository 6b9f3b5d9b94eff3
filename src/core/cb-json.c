/* cb-json.c: a strict RFC 8259 parser
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-json"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-json-private.h"

/* The arena: nodes, member arrays and unescaped strings of one document
 * are allocated from large chunks and freed together. */

#define CHUNK_SIZE (256 * 1024)

static gpointer
arena_alloc (CbJsonDoc *doc,
             gsize      size)
{
  Chunk *chunk = doc->chunks;

  size = (size + 7) & ~(gsize) 7;
  if (chunk == NULL || chunk->size - chunk->used < size)
    {
      gsize chunk_size = MAX (CHUNK_SIZE, size);
      Chunk *fresh = g_malloc (sizeof (Chunk) + chunk_size);

      fresh->used = 0;
      fresh->size = chunk_size;
      if (chunk != NULL && size > CHUNK_SIZE / 4)
        {
          /* Keep filling the current chunk; put the big block behind it. */
          fresh->next = chunk->next;
          chunk->next = fresh;
        }
      else
        {
          fresh->next = chunk;
          doc->chunks = fresh;
        }
      chunk = fresh;
    }

  chunk->used += size;
  return chunk->data + chunk->used - size;
}

G_GNUC_PRINTF (3, 4)
gboolean
_cb_json_fail (Parser     *parser,
      const char *at,
      const char *format,
      ...)
{
  va_list args;

  if (parser->error != NULL)
    return FALSE;

  va_start (args, format);
  parser->error = g_strdup_vprintf (format, args);
  va_end (args);
  parser->error_at = MIN (at, parser->end);
  return FALSE;
}

void
_cb_json_skip_whitespace (Parser *parser)
{
  const char *p = parser->p;

  while (p < parser->end)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\r')
        p++;
      else if (c == '\n')
        {
          p++;
          parser->line++;
          parser->line_start = p;
        }
      else
        break;
    }
  parser->p = p;
}

static CbJson *
new_node (Parser     *parser,
          CbJsonType  type,
          const char *at)
{
  CbJson *node = arena_alloc (parser->doc, sizeof (CbJson));

  node->type = type;
  node->line = parser->line;
  node->column = (guint) (at - parser->line_start) + 1;
  return node;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser     *parser,
           const char *p,
           gunichar   *out)
{
  gunichar value = 0;

  if (parser->end - p < 4)
    return _cb_json_fail (parser, p, _("incomplete \\u escape in a string"));
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return _cb_json_fail (parser, p + i, _("invalid \\u escape in a string: four hexadecimal digits expected"));
      value = (value << 4) | (gunichar) h;
    }
  *out = value;
  return TRUE;
}

/* Checks one UTF-8 sequence starting at @p; returns its length or 0. */
static int
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  guchar c = p[0];
  int len;
  gunichar cp;

  if (c < 0x80)
    return 1;
  else if (c >= 0xC2 && c <= 0xDF)
    len = 2, cp = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, cp = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, cp = c & 0x07;
  else
    return 0;

  if (end - p < len)
    return 0;
  for (int i = 1; i < len; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
  /* Overlong forms, UTF-16 surrogates and code points past U+10FFFF. */
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return len;
}

gboolean
_cb_json_parse_string_raw (Parser      *parser,
                  const char **out_str,
                  gsize       *out_len)
{
  const char *open = parser->p;
  const char *p = open + 1;
  const char *end = parser->end;
  gboolean has_escapes = FALSE;
  char *buffer;
  char *w;

  g_assert (*open == '"');

  /* First pass: validate and find the end. */
  while (TRUE)
    {
      guchar c;

      if (p >= end)
        return _cb_json_fail (parser, open, _("a string is not closed: '\"' expected"));
      c = (guchar) *p;
      if (c == '"')
        break;
      if (c == '\\')
        {
          if (p + 1 >= end)
            return _cb_json_fail (parser, p, _("a string is not closed: '\"' expected"));
          has_escapes = TRUE;
          switch (p[1])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              p += 2;
              break;
            case 'u':
              {
                gunichar u;

                if (!read_hex4 (parser, p + 2, &u))
                  return FALSE;
                if (u == 0)
                  return _cb_json_fail (parser, p, _("a string contains an escaped NUL character (\\u0000), which project files do not allow"));
                if (u >= 0xDC00 && u <= 0xDFFF)
                  return _cb_json_fail (parser, p, _("a string contains a lone UTF-16 surrogate (\\u%04X)"), u);
                if (u >= 0xD800 && u <= 0xDBFF)
                  {
                    gunichar low;

                    if (end - p < 12 || p[6] != '\\' || p[7] != 'u')
                      return _cb_json_fail (parser, p, _("a string contains a lone UTF-16 surrogate (\\u%04X)"), u);
                    if (!read_hex4 (parser, p + 8, &low))
                      return FALSE;
                    if (low < 0xDC00 || low > 0xDFFF)
                      return _cb_json_fail (parser, p, _("a string contains a lone UTF-16 surrogate (\\u%04X)"), u);
                    p += 12;
                  }
                else
                  p += 6;
              }
              break;
            default:
              return _cb_json_fail (parser, p, _("invalid escape sequence in a string"));
            }
        }
      else if (c < 0x20)
        return _cb_json_fail (parser, p, _("a control character must be escaped inside a string"));
      else if (c < 0x80)
        p++;
      else
        {
          int len = utf8_sequence_length ((const guchar *) p, (const guchar *) end);

          if (len == 0)
            return _cb_json_fail (parser, p, _("invalid UTF-8 in a string"));
          p += len;
        }
    }

  parser->p = p + 1;
  if (!has_escapes)
    {
      *out_str = open + 1;
      *out_len = (gsize) (p - open - 1);
      return TRUE;
    }

  /* Second pass: unescape into the arena; the result is never longer. */
  buffer = arena_alloc (parser->doc, (gsize) (p - open));
  w = buffer;
  for (const char *q = open + 1; q < p;)
    {
      if (*q != '\\')
        {
          *w++ = *q++;
          continue;
        }
      switch (q[1])
        {
        case '"': *w++ = '"'; q += 2; break;
        case '\\': *w++ = '\\'; q += 2; break;
        case '/': *w++ = '/'; q += 2; break;
        case 'b': *w++ = '\b'; q += 2; break;
        case 'f': *w++ = '\f'; q += 2; break;
        case 'n': *w++ = '\n'; q += 2; break;
        case 'r': *w++ = '\r'; q += 2; break;
        case 't': *w++ = '\t'; q += 2; break;
        case 'u':
          {
            gunichar u = 0, low = 0;

            read_hex4 (parser, q + 2, &u);
            q += 6;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                read_hex4 (parser, q + 2, &low);
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                q += 6;
              }
            w += g_unichar_to_utf8 (u, w);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  *out_str = buffer;
  *out_len = (gsize) (w - buffer);
  return TRUE;
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Scans the number at the reader's position: its value and its text. */
gboolean
_cb_json_scan_number (Parser      *parser,
             double      *out_value,
             const char **out_text,
             gsize       *out_len)
{
  const char *start = parser->p;
  const char *p = start;
  const char *end = parser->end;
  gboolean is_integer = TRUE;
  double value;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !is_digit (*p))
    {
      _cb_json_fail (parser, p, _("invalid number: a digit expected"));
      return FALSE;
    }
  if (*p == '0')
    {
      p++;
      if (p < end && is_digit (*p))
        {
          _cb_json_fail (parser, p, _("invalid number: leading zeros are not allowed"));
          return FALSE;
        }
    }
  else
    while (p < end && is_digit (*p))
      p++;

  if (p < end && *p == '.')
    {
      is_integer = FALSE;
      p++;
      if (p >= end || !is_digit (*p))
        {
          _cb_json_fail (parser, p, _("invalid number: a digit expected after the decimal point"));
          return FALSE;
        }
      while (p < end && is_digit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      is_integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !is_digit (*p))
        {
          _cb_json_fail (parser, p, _("invalid number: a digit expected in the exponent"));
          return FALSE;
        }
      while (p < end && is_digit (*p))
        p++;
    }

  if (is_integer && p - start <= 15)
    {
      gint64 iv = 0;

      for (const char *q = (*start == '-') ? start + 1 : start; q < p; q++)
        iv = iv * 10 + (*q - '0');
      value = (double) ((*start == '-') ? -iv : iv);
    }
  else
    {
      char stack_buf[64];
      g_autofree char *heap_buf = NULL;
      char *buf = stack_buf;
      gsize len = (gsize) (p - start);
      gboolean nonzero_mantissa = FALSE;

      if (len >= sizeof stack_buf)
        buf = heap_buf = g_malloc (len + 1);
      memcpy (buf, start, len);
      buf[len] = '\0';
      errno = 0;
      value = g_ascii_strtod (buf, NULL);
      for (const char *q = start; q < p && *q != 'e' && *q != 'E'; q++)
        if (*q >= '1' && *q <= '9')
          nonzero_mantissa = TRUE;
      if (isinf (value) || (errno == ERANGE && value == 0.0 && nonzero_mantissa))
        {
          _cb_json_fail (parser, start, _("the number %s is outside the range a project file can hold"), buf);
          return FALSE;
        }
    }

  *out_value = value;
  *out_text = start;
  *out_len = (gsize) (p - start);
  parser->p = p;
  return TRUE;
}

static CbJson *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  CbJson *node;
  double value;
  const char *text;
  gsize len;

  if (!_cb_json_scan_number (parser, &value, &text, &len))
    return NULL;
  node = new_node (parser, CB_JSON_NUMBER, start);
  node->v.number.text = text;
  node->v.number.len = len;
  node->v.number.value = value;
  return node;
}

static gboolean
match_literal (Parser     *parser,
               const char *word,
               gsize       len)
{
  if ((gsize) (parser->end - parser->p) >= len && memcmp (parser->p, word, len) == 0)
    {
      parser->p += len;
      return TRUE;
    }
  return FALSE;
}


static gboolean
names_equal (const char *a, gsize a_len, const char *b, gsize b_len)
{
  return a_len == b_len && memcmp (a, b, a_len) == 0;
}

gboolean
_cb_json_check_duplicates (Parser     *parser,
                           guint       first,
                           guint       n,
                           const char *name,
                           gsize       name_len,
                           const char *at)
{
  CbJsonMember *members;

  if (n == 0)
    return TRUE;

  /* Objects in project files are small; a linear scan is the fastest check. */
  members = &g_array_index (parser->members, CbJsonMember, first);
  for (guint i = 0; i < n; i++)
    if (names_equal (members[i].name, members[i].name_len, name, name_len))
      {
        g_autofree char *shown = g_strndup (name, name_len);

        return _cb_json_fail (parser, at, _("the member name \"%s\" appears twice in one object"), shown);
      }
  return TRUE;
}

static CbJson *
parse_object (Parser *parser)
{
  const char *open = parser->p;
  guint first = parser->members->len;
  GHashTable *seen = NULL;
  CbJson *node;
  guint n;

  parser->p++;
  _cb_json_skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      node = new_node (parser, CB_JSON_OBJECT, open);
      node->v.object.members = NULL;
      node->v.object.n = 0;
      return node;
    }

  while (TRUE)
    {
      CbJsonMember member;
      const char *name_at;

      _cb_json_skip_whitespace (parser);
      name_at = parser->p;
      if (parser->p >= parser->end)
        {
          _cb_json_fail (parser, parser->p, _("an object is not closed: '}' expected"));
          goto out;
        }
      if (*parser->p != '"')
        {
          _cb_json_fail (parser, parser->p, _("a member name in double quotes expected"));
          goto out;
        }
      if (!_cb_json_parse_string_raw (parser, &member.name, &member.name_len))
        goto out;

      n = parser->members->len - first;
      if (n < 16)
        {
          if (!_cb_json_check_duplicates (parser, first, n, member.name, member.name_len, name_at))
            goto out;
        }
      else
        {
          g_autofree char *key = g_strndup (member.name, member.name_len);

          if (seen == NULL)
            {
              seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              for (guint i = first; i < parser->members->len; i++)
                {
                  CbJsonMember *m = &g_array_index (parser->members, CbJsonMember, i);

                  g_hash_table_add (seen, g_strndup (m->name, m->name_len));
                }
            }
          if (!g_hash_table_add (seen, g_steal_pointer (&key)))
            {
              _cb_json_check_duplicates (parser, first, n, member.name, member.name_len, name_at);
              goto out;
            }
        }

      _cb_json_skip_whitespace (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        {
          _cb_json_fail (parser, parser->p, _("':' expected after a member name"));
          goto out;
        }
      parser->p++;
      member.value = _cb_json_parse_value (parser);
      if (member.value == NULL)
        goto out;
      g_array_append_val (parser->members, member);

      _cb_json_skip_whitespace (parser);
      if (parser->p >= parser->end)
        {
          _cb_json_fail (parser, parser->p, _("an object is not closed: '}' expected"));
          goto out;
        }
      if (*parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (*parser->p == '}')
        {
          parser->p++;
          break;
        }
      _cb_json_fail (parser, parser->p, _("',' or '}' expected after an object member"));
      goto out;
    }

  n = parser->members->len - first;
  node = new_node (parser, CB_JSON_OBJECT, open);
  node->v.object.n = n;
  node->v.object.members = arena_alloc (parser->doc, n * sizeof (CbJsonMember));
  memcpy (node->v.object.members, &g_array_index (parser->members, CbJsonMember, first),
          n * sizeof (CbJsonMember));
  g_array_set_size (parser->members, first);
  g_clear_pointer (&seen, g_hash_table_unref);
  return node;

out:
  g_array_set_size (parser->members, first);
  g_clear_pointer (&seen, g_hash_table_unref);
  return NULL;
}

static CbJson *
parse_array (Parser *parser)
{
  const char *open = parser->p;
  guint first = parser->items->len;
  CbJson *node;
  guint n;

  parser->p++;
  _cb_json_skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      node = new_node (parser, CB_JSON_ARRAY, open);
      node->v.array.items = NULL;
      node->v.array.n = 0;
      return node;
    }

  while (TRUE)
    {
      CbJson *item = _cb_json_parse_value (parser);

      if (item == NULL)
        goto out;
      g_ptr_array_add (parser->items, item);
      _cb_json_skip_whitespace (parser);
      if (parser->p >= parser->end)
        {
          _cb_json_fail (parser, parser->p, _("an array is not closed: ']' expected"));
          goto out;
        }
      if (*parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (*parser->p == ']')
        {
          parser->p++;
          break;
        }
      _cb_json_fail (parser, parser->p, _("',' or ']' expected after an array element"));
      goto out;
    }

  n = parser->items->len - first;
  node = new_node (parser, CB_JSON_ARRAY, open);
  node->v.array.n = n;
  node->v.array.items = arena_alloc (parser->doc, n * sizeof (CbJson *));
  memcpy (node->v.array.items, parser->items->pdata + first, n * sizeof (CbJson *));
  g_ptr_array_set_size (parser->items, first);
  return node;

out:
  g_ptr_array_set_size (parser->items, first);
  return NULL;
}

CbJson *
_cb_json_parse_value (Parser *parser)
{
  const char *at;
  CbJson *node;

  _cb_json_skip_whitespace (parser);
  at = parser->p;
  if (at >= parser->end)
    {
      _cb_json_fail (parser, at, _("a value expected, but the text ends here"));
      return NULL;
    }

  switch (*at)
    {
    case '{':
    case '[':
      if (parser->depth >= CB_JSON_MAX_DEPTH)
        {
          _cb_json_fail (parser, at, _("nesting too deep: more than %d levels of arrays and objects"),
                CB_JSON_MAX_DEPTH);
          return NULL;
        }
      parser->depth++;
      node = (*at == '{') ? parse_object (parser) : parse_array (parser);
      parser->depth--;
      return node;

    case '"':
      {
        const char *str;
        gsize len;

        if (!_cb_json_parse_string_raw (parser, &str, &len))
          return NULL;
        node = new_node (parser, CB_JSON_STRING, at);
        node->v.string.str = str;
        node->v.string.len = len;
        return node;
      }

    case 't':
      if (match_literal (parser, "true", 4))
        return new_node (parser, CB_JSON_TRUE, at);
      break;
    case 'f':
      if (match_literal (parser, "false", 5))
        return new_node (parser, CB_JSON_FALSE, at);
      break;
    case 'n':
      if (match_literal (parser, "null", 4))
        return new_node (parser, CB_JSON_NULL, at);
      break;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (parser);
    case '/':
      _cb_json_fail (parser, at, _("comments are not allowed in JSON"));
      return NULL;
    case '\'':
      _cb_json_fail (parser, at, _("strings must be in double quotes, not single quotes"));
      return NULL;
    default:
      break;
    }

  _cb_json_fail (parser, at, _("a value expected (an object, array, string, number, true, false or null)"));
  return NULL;
}

static guint
character_column (const char *line_start,
                  const char *at)
{
  guint column = 1;

  /* Count characters, not bytes, so that editors place the cursor right;
   * bytes that are not valid UTF-8 count one each. */
  for (const char *p = line_start; p < at;)
    {
      int len = utf8_sequence_length ((const guchar *) p, (const guchar *) at);

      p += MAX (len, 1);
      column++;
    }
  return column;
}

void
_cb_json_parser_init (Parser     *parser,
             CbJsonDoc  *doc,
             const char *data,
             gsize       length)
{
  memset (parser, 0, sizeof *parser);
  parser->doc = doc;
  parser->start = data;
  parser->p = data;
  parser->end = data + length;
  parser->line_start = data;
  parser->line = 1;
  parser->items = g_ptr_array_new ();
  parser->members = g_array_new (FALSE, FALSE, sizeof (CbJsonMember));

  /* A UTF-8 byte order mark, as some Windows editors write, is ignored. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    parser->p = parser->line_start = data + 3;
}

void
_cb_json_parser_clear (Parser *parser)
{
  g_clear_pointer (&parser->items, g_ptr_array_unref);
  g_clear_pointer (&parser->members, g_array_unref);
  g_clear_pointer (&parser->error, g_free);
}

gboolean
_cb_json_check_trailing_data (Parser *parser)
{
  _cb_json_skip_whitespace (parser);
  if (parser->p < parser->end)
    {
      if (*parser->p == '\0')
        return _cb_json_fail (parser, parser->p, _("the file contains a NUL byte after the JSON value"));
      return _cb_json_fail (parser, parser->p, _("unexpected data after the JSON value"));
    }
  return TRUE;
}

/* Line, column (in characters) and message of the parser's error. */
void
_cb_json_locate_error (Parser  *parser,
              guint   *error_line,
              guint   *error_column,
              char   **error_message)
{
  const char *at = parser->error_at;
  guint line = 1;
  const char *line_start = parser->start;

  /* Recount: the parser's line counter may have moved past the error. */
  for (const char *p = parser->start; p < at; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  if (error_line)
    *error_line = line;
  if (error_column)
    *error_column = character_column (line_start, at);
  if (error_message)
    *error_message = g_strdup (parser->error);
}

CbJsonDoc *
cb_json_parse (const char  *data,
               gsize        length,
               guint       *error_line,
               guint       *error_column,
               char       **error_message)
{
  Parser parser;
  CbJsonDoc *doc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  doc = g_new0 (CbJsonDoc, 1);
  _cb_json_parser_init (&parser, doc, data, length);
  doc->root = _cb_json_parse_value (&parser);
  if (doc->root != NULL && !_cb_json_check_trailing_data (&parser))
    doc->root = NULL;

  if (doc->root == NULL)
    {
      _cb_json_locate_error (&parser, error_line, error_column, error_message);
      _cb_json_parser_clear (&parser);
      cb_json_doc_free (doc);
      return NULL;
    }

  _cb_json_parser_clear (&parser);
  return doc;
}

CbJson *
cb_json_doc_get_root (CbJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->root;
}

void
cb_json_doc_free (CbJsonDoc *doc)
{
  Chunk *chunk;

  if (doc == NULL)
    return;
  chunk = doc->chunks;
  while (chunk != NULL)
    {
      Chunk *next = chunk->next;

      g_free (chunk);
      chunk = next;
    }
  g_free (doc);
}
