/* cb-problems-page.c: the validator's findings, live
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the document's list of problems (re-validated a moment after each
 * edit). Activating one emits "activate-problem"; the window then opens
 * the record concerned and focuses the member.
 */

#define G_LOG_DOMAIN "cb-problems-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-problems-page.h"

struct _CbProblemsPage
{
  AdwBin parent_instance;

  GListModel *problems;
  GtkNoSelection *selection;
  GtkStack *stack;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (CbProblemsPage, cb_problems_page, ADW_TYPE_BIN)

enum {
  ACTIVATE_PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *path = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (path), 0);
  gtk_label_set_ellipsize (GTK_LABEL (path), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (path, "dim-label");
  gtk_widget_add_css_class (path, "caption");
  gtk_widget_add_css_class (path, "monospace");
  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (texts), path);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  CbProblem *problem = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *message = gtk_widget_get_first_child (texts);
  GtkWidget *path = gtk_widget_get_next_sibling (message);
  gboolean error = cb_problem_get_severity (problem) == CB_SEVERITY_ERROR;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), error ? "dialog-error-symbolic"
                                                        : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, error ? "warning" : "error");
  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Error") : _("Warning"), -1);
  gtk_label_set_text (GTK_LABEL (message), cb_problem_get_message (problem));
  gtk_label_set_text (GTK_LABEL (path), cb_problem_get_path (problem));
}

static void
on_activate (CbProblemsPage *self,
             guint           position)
{
  g_autoptr (CbProblem) problem = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (problem != NULL)
    g_signal_emit (self, signals[ACTIVATE_PROBLEM], 0, problem);
}

static void
update_stack (CbProblemsPage *self)
{
  gboolean empty = self->problems == NULL || g_list_model_get_n_items (self->problems) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/**
 * cb_problems_page_set_problems:
 * @problems: (nullable): a list of #CbProblem that updates itself
 */
void
cb_problems_page_set_problems (CbProblemsPage *self,
                               GListModel     *problems)
{
  g_return_if_fail (CB_IS_PROBLEMS_PAGE (self));

  if (self->problems != NULL)
    g_signal_handlers_disconnect_by_data (self->problems, self);
  g_set_object (&self->problems, problems);
  gtk_no_selection_set_model (self->selection, problems);
  if (problems != NULL)
    g_signal_connect_object (problems, "items-changed", G_CALLBACK (update_stack), self,
                             G_CONNECT_SWAPPED);
  update_stack (self);
}

static void
cb_problems_page_dispose (GObject *object)
{
  CbProblemsPage *self = CB_PROBLEMS_PAGE (object);

  g_clear_object (&self->problems);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (cb_problems_page_parent_class)->dispose (object);
}

static void
cb_problems_page_class_init (CbProblemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cb_problems_page_dispose;

  /**
   * CbProblemsPage::activate-problem:
   * @problem: the problem the user chose
   */
  signals[ACTIVATE_PROBLEM] = g_signal_new ("activate-problem", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, CB_TYPE_PROBLEM);
}

static void
cb_problems_page_init (CbProblemsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), self);
  self->selection = gtk_no_selection_new (NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate), self,
                           G_CONNECT_SWAPPED);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "object-select-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Problems"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every check for accreditation and co-construction passes."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  update_stack (self);
}

/**
 * cb_problems_page_new:
 *
 * Returns: (transfer full): a new page
 */
GtkWidget *
cb_problems_page_new (void)
{
  return g_object_new (CB_TYPE_PROBLEMS_PAGE, NULL);
}
