/* cb-search.c: finding records by what they say
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-search"

#include "config.h"

#include <string.h>

#include "cb-search.h"
#include "cb-entity-private.h"

typedef struct
{
  char **words;       /* case-folded */
  GPtrArray *results;
  guint limit;
} Search;

/* Every word of the query must appear in one of the record's own texts:
 * its strings (title, code, description, …) and its lists of strings. */
static gboolean
matches (CbEntity   *entity,
         char      **words)
{
  const CbKindDef *def = _cb_entity_def (entity);
  CbSlot *slots = _cb_entity_get_slots (entity);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (guint i = 0; i < def->n_fields; i++)
    {
      switch (def->fields[i].type)
        {
        case CB_FIELD_STRING:
        case CB_FIELD_TEXT:
          if (slots[i].v.s != NULL)
            {
              g_string_append (text, slots[i].v.s);
              g_string_append_c (text, '\n');
            }
          break;
        case CB_FIELD_STRING_LIST:
          for (guint j = 0; slots[i].v.strv != NULL && slots[i].v.strv[j] != NULL; j++)
            {
              g_string_append (text, slots[i].v.strv[j]);
              g_string_append_c (text, '\n');
            }
          break;
        case CB_FIELD_ID:
        case CB_FIELD_ENUM:
        case CB_FIELD_INT:
        case CB_FIELD_NUMBER:
        case CB_FIELD_REF:
        case CB_FIELD_REF_LIST:
        case CB_FIELD_OBJECT:
        case CB_FIELD_LIST:
        default:
          break;
        }
    }
  if (text->len == 0)
    return FALSE;
  folded = g_utf8_casefold (text->str, text->len);
  for (guint w = 0; words[w] != NULL; w++)
    if (strstr (folded, words[w]) == NULL)
      return FALSE;
  return TRUE;
}

static void
search_visit (CbEntity *entity,
              gpointer  user_data)
{
  Search *search = user_data;

  /* Only records one can open: those with ids (a course, a module, a
   * skill…), not hours or mappings. */
  if (search->results->len >= search->limit || CB_IS_PROJECT (entity) ||
      !cb_kind_has_id (cb_entity_get_kind (entity)))
    return;
  if (matches (entity, search->words))
    g_ptr_array_add (search->results, g_object_ref (entity));
}

/**
 * cb_project_search:
 * @query: words, all of which must appear (case does not matter)
 * @limit: the most results to return
 *
 * Finds records whose texts (titles, codes, descriptions, topics…) hold
 * every word of @query, in document order.
 *
 * Returns: (transfer full) (element-type CbEntity): the records found
 */
GPtrArray *
cb_project_search (CbProject  *project,
                   const char *query,
                   guint       limit)
{
  g_autofree char *folded = NULL;
  g_auto (GStrv) words = NULL;
  Search search;

  g_return_val_if_fail (CB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  search.results = g_ptr_array_new_with_free_func (g_object_unref);
  folded = g_utf8_casefold (query, -1);
  words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  /* Drop the empty words that runs of spaces leave. */
  {
    guint kept = 0;

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (*words[i] == '\0')
          g_free (words[i]);
        else
          words[kept++] = words[i];
      }
    words[kept] = NULL;
    if (kept == 0)
      return search.results;
  }
  search.words = words;
  search.limit = limit;
  _cb_entity_visit (CB_ENTITY (project), search_visit, &search);
  return search.results;
}
