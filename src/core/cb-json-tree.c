/* cb-json-tree.c: stand-alone JSON values and the deterministic writer
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-json"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-json.h"

static gboolean
names_equal (const char *a,
             gsize       a_len,
             const char *b,
             gsize       b_len)
{
  return a_len == b_len && memcmp (a, b, a_len) == 0;
}

CbJson *
cb_json_copy (const CbJson *node)
{
  CbJson *copy;

  g_return_val_if_fail (node != NULL, NULL);

  copy = g_new (CbJson, 1);
  *copy = *node;
  switch (node->type)
    {
    case CB_JSON_NUMBER:
      copy->v.number.text = g_strndup (node->v.number.text, node->v.number.len);
      break;
    case CB_JSON_STRING:
      copy->v.string.str = g_strndup (node->v.string.str, node->v.string.len);
      break;
    case CB_JSON_ARRAY:
      copy->v.array.items = g_new (CbJson *, MAX (node->v.array.n, 1));
      for (guint i = 0; i < node->v.array.n; i++)
        copy->v.array.items[i] = cb_json_copy (node->v.array.items[i]);
      break;
    case CB_JSON_OBJECT:
      copy->v.object.members = g_new (CbJsonMember, MAX (node->v.object.n, 1));
      for (guint i = 0; i < node->v.object.n; i++)
        {
          const CbJsonMember *m = &node->v.object.members[i];

          copy->v.object.members[i].name = g_strndup (m->name, m->name_len);
          copy->v.object.members[i].name_len = m->name_len;
          copy->v.object.members[i].value = cb_json_copy (m->value);
        }
      break;
    case CB_JSON_NULL:
    case CB_JSON_FALSE:
    case CB_JSON_TRUE:
    default:
      break;
    }
  return copy;
}

void
cb_json_free (CbJson *node)
{
  if (node == NULL)
    return;
  switch (node->type)
    {
    case CB_JSON_NUMBER:
      g_free ((char *) node->v.number.text);
      break;
    case CB_JSON_STRING:
      g_free ((char *) node->v.string.str);
      break;
    case CB_JSON_ARRAY:
      for (guint i = 0; i < node->v.array.n; i++)
        cb_json_free (node->v.array.items[i]);
      g_free (node->v.array.items);
      break;
    case CB_JSON_OBJECT:
      for (guint i = 0; i < node->v.object.n; i++)
        {
          g_free ((char *) node->v.object.members[i].name);
          cb_json_free (node->v.object.members[i].value);
        }
      g_free (node->v.object.members);
      break;
    case CB_JSON_NULL:
    case CB_JSON_FALSE:
    case CB_JSON_TRUE:
    default:
      break;
    }
  g_free (node);
}

gboolean
cb_json_equal (const CbJson *a,
               const CbJson *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->type != b->type)
    return FALSE;

  switch (a->type)
    {
    case CB_JSON_NUMBER:
      return names_equal (a->v.number.text, a->v.number.len, b->v.number.text, b->v.number.len);
    case CB_JSON_STRING:
      return names_equal (a->v.string.str, a->v.string.len, b->v.string.str, b->v.string.len);
    case CB_JSON_ARRAY:
      if (a->v.array.n != b->v.array.n)
        return FALSE;
      for (guint i = 0; i < a->v.array.n; i++)
        if (!cb_json_equal (a->v.array.items[i], b->v.array.items[i]))
          return FALSE;
      return TRUE;
    case CB_JSON_OBJECT:
      if (a->v.object.n != b->v.object.n)
        return FALSE;
      for (guint i = 0; i < a->v.object.n; i++)
        {
          const CbJsonMember *ma = &a->v.object.members[i];
          const CbJsonMember *mb = &b->v.object.members[i];

          if (!names_equal (ma->name, ma->name_len, mb->name, mb->name_len) ||
              !cb_json_equal (ma->value, mb->value))
            return FALSE;
        }
      return TRUE;
    case CB_JSON_NULL:
    case CB_JSON_FALSE:
    case CB_JSON_TRUE:
    default:
      return TRUE;
    }
}

CbJson *
cb_json_object_get (const CbJson *object,
                    const char   *name)
{
  gsize len;

  g_return_val_if_fail (object != NULL, NULL);
  if (object->type != CB_JSON_OBJECT)
    return NULL;
  len = strlen (name);
  for (guint i = 0; i < object->v.object.n; i++)
    if (names_equal (object->v.object.members[i].name, object->v.object.members[i].name_len,
                     name, len))
      return object->v.object.members[i].value;
  return NULL;
}

const char *
cb_json_type_name (CbJsonType type)
{
  switch (type)
    {
    case CB_JSON_NULL:
      return _("null");
    case CB_JSON_FALSE:
    case CB_JSON_TRUE:
      return _("a boolean");
    case CB_JSON_NUMBER:
      return _("a number");
    case CB_JSON_STRING:
      return _("a string");
    case CB_JSON_ARRAY:
      return _("an array");
    case CB_JSON_OBJECT:
      return _("an object");
    default:
      g_assert_not_reached ();
    }
}

/* Writing */

void
cb_json_write_string (GString    *out,
                      const char *str,
                      gssize      len)
{
  const char *p;
  const char *end;
  const char *run;

  if (len < 0)
    len = (gssize) strlen (str);
  end = str + len;

  g_string_append_c (out, '"');
  run = str;
  for (p = str; p < end; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
          break;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

void
cb_json_write_double (GString *out,
                      double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (isfinite (value));

  if (value == 0.0)
    {
      /* -0 is written as 0: there is no negative zero in a curriculum. */
      g_string_append_c (out, '0');
      return;
    }
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  /* The shortest decimal form that reads back as the same double. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
}

void
cb_json_write_indent (GString *out,
                      guint    depth)
{
  static const char spaces[] = "                                                                ";
  gsize n = (gsize) depth * 2;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      n -= chunk;
    }
}

void
cb_json_write_value (GString      *out,
                     const CbJson *node,
                     guint         depth)
{
  switch (node->type)
    {
    case CB_JSON_NULL:
      g_string_append (out, "null");
      break;
    case CB_JSON_FALSE:
      g_string_append (out, "false");
      break;
    case CB_JSON_TRUE:
      g_string_append (out, "true");
      break;
    case CB_JSON_NUMBER:
      /* Numbers we do not interpret are kept exactly as written. */
      g_string_append_len (out, node->v.number.text, node->v.number.len);
      break;
    case CB_JSON_STRING:
      cb_json_write_string (out, node->v.string.str, node->v.string.len);
      break;
    case CB_JSON_ARRAY:
      if (node->v.array.n == 0)
        {
          g_string_append (out, "[]");
          break;
        }
      g_string_append_c (out, '[');
      for (guint i = 0; i < node->v.array.n; i++)
        {
          g_string_append (out, i == 0 ? "\n" : ",\n");
          cb_json_write_indent (out, depth + 1);
          cb_json_write_value (out, node->v.array.items[i], depth + 1);
        }
      g_string_append_c (out, '\n');
      cb_json_write_indent (out, depth);
      g_string_append_c (out, ']');
      break;
    case CB_JSON_OBJECT:
      if (node->v.object.n == 0)
        {
          g_string_append (out, "{}");
          break;
        }
      g_string_append_c (out, '{');
      for (guint i = 0; i < node->v.object.n; i++)
        {
          const CbJsonMember *m = &node->v.object.members[i];

          g_string_append (out, i == 0 ? "\n" : ",\n");
          cb_json_write_indent (out, depth + 1);
          cb_json_write_string (out, m->name, m->name_len);
          g_string_append (out, ": ");
          cb_json_write_value (out, m->value, depth + 1);
        }
      g_string_append_c (out, '\n');
      cb_json_write_indent (out, depth);
      g_string_append_c (out, '}');
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
cb_json_to_string (const CbJson *node)
{
  GString *out = g_string_new (NULL);

  cb_json_write_value (out, node, 0);
  return g_string_free (out, FALSE);
}
