/* cb-entity-write.c: writing records in canonical form
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-entity"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cb-project-private.h"

#define PRIV(self) _cb_entity_get_private ((CbEntity *) (self))

/* Writing */

static void
write_extras (GString   *out,
              GPtrArray *extras,
              int        anchor,
              guint      depth,
              gboolean  *first)
{
  for (guint i = 0; extras != NULL && i < extras->len; i++)
    {
      CbExtra *extra = g_ptr_array_index (extras, i);

      if (extra->anchor != anchor)
        continue;
      g_string_append (out, *first ? "\n" : ",\n");
      *first = FALSE;
      cb_json_write_indent (out, depth + 1);
      cb_json_write_string (out, extra->name, -1);
      g_string_append (out, ": ");
      cb_json_write_value (out, extra->value, depth + 1);
    }
}

static void
write_strv (GString *out,
            char   **strv,
            guint    depth)
{
  if (strv == NULL || strv[0] == NULL)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      cb_json_write_indent (out, depth + 1);
      cb_json_write_string (out, strv[i], -1);
    }
  g_string_append_c (out, '\n');
  cb_json_write_indent (out, depth);
  g_string_append_c (out, ']');
}

/**
 * _cb_entity_write:
 *
 * Writes the record in canonical form: the members in the order of the
 * format, unknown members after the member they followed in the file,
 * 2-space indentation starting at @depth.
 */
void
_cb_entity_write (CbEntity *self,
                  GString  *out,
                  guint     depth)
{
  CbEntityPrivate *priv = PRIV (self);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_extras (out, priv->extras, -1, depth, &first);
  for (guint i = 0; i < priv->def->n_fields; i++)
    {
      const CbFieldDef *def = &priv->def->fields[i];
      CbSlot *slot = &priv->slots[i];

      if (slot->present)
        {
          g_string_append (out, first ? "\n" : ",\n");
          first = FALSE;
          cb_json_write_indent (out, depth + 1);
          cb_json_write_string (out, def->name, -1);
          g_string_append (out, ": ");

          switch (def->type)
            {
            case CB_FIELD_ID:
            case CB_FIELD_STRING:
            case CB_FIELD_TEXT:
            case CB_FIELD_ENUM:
            case CB_FIELD_REF:
              cb_json_write_string (out, slot->v.s, -1);
              break;
            case CB_FIELD_INT:
              g_string_append_printf (out, "%" G_GINT64_FORMAT, slot->v.i);
              break;
            case CB_FIELD_NUMBER:
              cb_json_write_double (out, slot->v.d);
              break;
            case CB_FIELD_REF_LIST:
            case CB_FIELD_STRING_LIST:
              write_strv (out, slot->v.strv, depth + 1);
              break;
            case CB_FIELD_OBJECT:
              _cb_entity_write (slot->v.obj, out, depth + 1);
              break;
            case CB_FIELD_LIST:
              {
                guint n = slot->v.list ? _cb_list_get_n (slot->v.list) : 0;

                if (n == 0)
                  {
                    g_string_append (out, "[]");
                    break;
                  }
                g_string_append_c (out, '[');
                for (guint j = 0; j < n; j++)
                  {
                    g_string_append (out, j == 0 ? "\n" : ",\n");
                    cb_json_write_indent (out, depth + 2);
                    _cb_entity_write (_cb_list_peek (slot->v.list, j), out, depth + 2);
                  }
                g_string_append_c (out, '\n');
                cb_json_write_indent (out, depth + 1);
                g_string_append_c (out, ']');
              }
              break;
            default:
              g_assert_not_reached ();
            }
        }
      write_extras (out, priv->extras, (int) i, depth, &first);
    }

  if (first)
    {
      g_string_append (out, "}");
      return;
    }
  g_string_append_c (out, '\n');
  cb_json_write_indent (out, depth);
  g_string_append_c (out, '}');
}
