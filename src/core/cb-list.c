/* cb-list.c: the list model of a record's nested records
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel over a plain array: eight bytes an item, O(1) access
 * without reference counting for the core's own walks, and one place
 * (_cb_list_splice) where items change and "items-changed" is emitted.
 * Views see an ordinary read-only GListModel; changes go through the
 * records' recorded edits.
 */

#define G_LOG_DOMAIN "cb-list"

#include "config.h"

#include <string.h>

#include "cb-list.h"

struct _CbList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;     /* owned references */
};

static GType
cb_list_get_item_type (GListModel *model)
{
  return CB_LIST (model)->item_type;
}

static guint
cb_list_get_n_items (GListModel *model)
{
  return CB_LIST (model)->items->len;
}

static gpointer
cb_list_get_item (GListModel *model,
                  guint       position)
{
  CbList *self = CB_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
cb_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cb_list_get_item_type;
  iface->get_n_items = cb_list_get_n_items;
  iface->get_item = cb_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (CbList, cb_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cb_list_model_init))

static void
cb_list_finalize (GObject *object)
{
  CbList *self = CB_LIST (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (cb_list_parent_class)->finalize (object);
}

static void
cb_list_class_init (CbListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cb_list_finalize;
}

static void
cb_list_init (CbList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

CbList *
_cb_list_new (GType item_type)
{
  CbList *self = g_object_new (CB_TYPE_LIST, NULL);

  self->item_type = item_type;
  return self;
}

guint
_cb_list_get_n (CbList *self)
{
  return self->items->len;
}

/* Returns: (transfer none): the item at @position */
gpointer
_cb_list_peek (CbList *self,
               guint   position)
{
  g_assert (position < self->items->len);
  return g_ptr_array_index (self->items, position);
}

int
_cb_list_find (CbList   *self,
               gpointer  item)
{
  guint position;

  if (!g_ptr_array_find (self->items, item, &position))
    return -1;
  return (int) position;
}

/* Removes @n_removals items at @position and inserts @additions there
 * (taking new references), then emits one "items-changed". */
void
_cb_list_splice (CbList   *self,
                 guint     position,
                 guint     n_removals,
                 gpointer *additions,
                 guint     n_additions)
{
  guint old_len = self->items->len;

  g_assert (position + n_removals <= old_len);

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);
  if (n_additions > 0)
    {
      g_ptr_array_set_size (self->items, old_len - n_removals + n_additions);
      memmove (self->items->pdata + position + n_additions, self->items->pdata + position,
               (old_len - n_removals - position) * sizeof (gpointer));
      for (guint i = 0; i < n_additions; i++)
        self->items->pdata[position + i] = g_object_ref (additions[i]);
    }
  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}
