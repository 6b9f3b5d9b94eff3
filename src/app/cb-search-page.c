/* cb-search-page.c: what a search of the whole project found
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs cb_project_search() as the user types and lists the records found,
 * each with its kind and where it sits ("Module · Robot Programming and
 * Operation"). Activating one emits "activate-result".
 */

#define G_LOG_DOMAIN "cb-search-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-search-page.h"
#include "cb-two-line.h"

#define MAX_RESULTS 500

struct _CbSearchPage
{
  AdwBin parent_instance;

  CbProject *project;
  GListStore *results;
  GtkNoSelection *selection;
  GtkStack *stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (CbSearchPage, cb_search_page, ADW_TYPE_BIN)

enum {
  ACTIVATE_RESULT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_context (CbEntity *entity)
{
  g_autoptr (GString) context = g_string_new (cb_kind_get_label (cb_entity_get_kind (entity)));
  CbEntity *parent = cb_entity_get_parent (entity);

  /* The nearest enclosing record that has a name of its own. */
  while (parent != NULL && !CB_IS_PROJECT (parent) && !cb_kind_has_id (cb_entity_get_kind (parent)))
    parent = cb_entity_get_parent (parent);
  if (parent != NULL && !CB_IS_PROJECT (parent))
    {
      /* Translators: separates a record's kind from the record that holds it */
      g_string_append (context, _(" · "));
      g_string_append (context, cb_entity_get_display_name (parent));
    }
  return g_string_free (g_steal_pointer (&context), FALSE);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  gtk_list_item_set_child (item, cb_two_line_new ());
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  CbEntity *entity = gtk_list_item_get_item (item);
  g_autofree char *context_text = dup_context (entity);

  cb_two_line_set (gtk_list_item_get_child (item), cb_entity_get_display_name (entity), context_text);
}

static void
on_activate (CbSearchPage *self,
             guint         position)
{
  g_autoptr (CbEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (entity != NULL)
    g_signal_emit (self, signals[ACTIVATE_RESULT], 0, entity);
}

/**
 * cb_search_page_set_query:
 * @query: what the user typed
 */
void
cb_search_page_set_query (CbSearchPage *self,
                          const char   *query)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));

  g_return_if_fail (CB_IS_SEARCH_PAGE (self));

  if (self->project != NULL && query != NULL)
    found = cb_project_search (self->project, query, MAX_RESULTS);
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       found ? found->pdata : NULL, found ? found->len : 0);

  if (*trimmed == '\0')
    {
      adw_status_page_set_title (self->empty_page, _("Search the Project"));
      adw_status_page_set_description (self->empty_page,
                                       _("Find courses, modules, skills, requirements, people and reviews by any words they contain."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page, _("Try other words."));
    }
  gtk_stack_set_visible_child_name (self->stack, found != NULL && found->len > 0 ? "list" : "empty");
}

guint
cb_search_page_get_n_results (CbSearchPage *self)
{
  g_return_val_if_fail (CB_IS_SEARCH_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}

void
cb_search_page_activate_first (CbSearchPage *self)
{
  g_return_if_fail (CB_IS_SEARCH_PAGE (self));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    on_activate (self, 0);
}

void
cb_search_page_set_project (CbSearchPage *self,
                            CbProject    *project)
{
  g_return_if_fail (CB_IS_SEARCH_PAGE (self));
  g_set_object (&self->project, project);
  cb_search_page_set_query (self, NULL);
}

static void
cb_search_page_dispose (GObject *object)
{
  CbSearchPage *self = CB_SEARCH_PAGE (object);

  g_clear_object (&self->project);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (cb_search_page_parent_class)->dispose (object);
}

static void
cb_search_page_class_init (CbSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_search_page_dispose;

  /**
   * CbSearchPage::activate-result:
   * @entity: the record the user chose
   */
  signals[ACTIVATE_RESULT] = g_signal_new ("activate-result", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CB_TYPE_ENTITY);
}

static void
cb_search_page_init (CbSearchPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list_view;

  self->results = g_list_store_new (CB_TYPE_ENTITY);
  self->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), TRUE);
  gtk_widget_add_css_class (list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search Results"), -1);
  g_signal_connect_object (list_view, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  cb_search_page_set_query (self, NULL);
}

/**
 * cb_search_page_new:
 *
 * Returns: (transfer full): a new page
 */
GtkWidget *
cb_search_page_new (void)
{
  return g_object_new (CB_TYPE_SEARCH_PAGE, NULL);
}
