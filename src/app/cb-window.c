/* cb-window.c: a window showing one project
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cb-window.h"

struct _CbWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  GFile *file;
  CbProject *project;
  GCancellable *cancellable;
  gboolean loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  AdwStatusPage *status_page;
  GtkListBox *summary_list;
};

G_DEFINE_FINAL_TYPE (CbWindow, cb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_FILE,
  PROP_PROJECT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The top-level lists that the summary counts, with their row titles. */
static const struct {
  const char *field;
  const char *label;
} summary_fields[] = {
  { "courses", N_("Courses") },
  { "skills", N_("Skill Needs") },
  { "outcomes", N_("Outcomes") },
  { "people", N_("People") },
  { "partners", N_("Partners") },
};

/* One load in flight. The window is kept alive until the load answers; a
 * load that was cancelled (because the window closed or another file was
 * opened) then changes nothing. */
typedef struct {
  CbWindow *self;
  GFile *file;
  GCancellable *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static char *
dup_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *parse_name = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  parse_name = g_file_get_parse_name (file);
  return g_path_get_basename (parse_name);
}

static void
set_loading (CbWindow *self,
             gboolean  loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_titles (CbWindow   *self,
            const char *title,
            const char *subtitle)
{
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
clear_summary (CbWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_list), FALSE);
}

static void
show_empty (CbWindow *self)
{
  set_titles (self, _("Coursebridge"), NULL);
  clear_summary (self);
  adw_status_page_set_icon_name (self->status_page, BASE_APP_ID "-symbolic");
  adw_status_page_set_title (self->status_page, _("No Project Open"));
  adw_status_page_set_description (self->status_page,
                                   _("Open a .coursebridge file from your file manager, or "
                                     "start Coursebridge with a project file."));
}

static void
show_loading (CbWindow *self)
{
  g_autofree char *name = dup_display_name (self->file);

  set_titles (self, _("Coursebridge"), name);
  clear_summary (self);
  adw_status_page_set_icon_name (self->status_page, "document-open-symbolic");
  adw_status_page_set_title (self->status_page, _("Opening Project…"));
  adw_status_page_set_description (self->status_page, NULL);
}

static void
show_error (CbWindow     *self,
            const GError *error)
{
  g_autofree char *name = dup_display_name (self->file);
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  if (g_error_matches (error, CB_PROJECT_ERROR, CB_PROJECT_ERROR_INVALID_JSON) &&
      cb_project_error_get_line (error) > 0)
    {
      /* Translators: the first %s is an error message; then a line and a column number. */
      message = g_strdup_printf (_("%s (line %u, column %u)"),
                                 error->message,
                                 cb_project_error_get_line (error),
                                 cb_project_error_get_column (error));
    }
  else
    {
      message = g_strdup (error->message);
    }

  set_titles (self, _("Coursebridge"), name);
  clear_summary (self);
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("Could Not Open Project"));
  /* The description is markup, and the message may hold '<' or '&'. */
  escaped = g_markup_escape_text (message, -1);
  adw_status_page_set_description (self->status_page, escaped);
}

static void
show_project (CbWindow *self)
{
  g_autofree char *name = dup_display_name (self->file);
  const char *title = cb_project_get_title (self->project);

  if (title == NULL || *title == '\0')
    title = name;

  set_titles (self, title, name);
  adw_status_page_set_icon_name (self->status_page, BASE_APP_ID "-symbolic");
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, NULL);

  clear_summary (self);
  for (guint i = 0; i < G_N_ELEMENTS (summary_fields); i++)
    {
      GListModel *list = cb_project_get_list (self->project, summary_fields[i].field);
      guint n_items = list != NULL ? g_list_model_get_n_items (list) : 0;
      g_autofree char *count = g_strdup_printf ("%u", n_items);
      GtkWidget *row;
      GtkWidget *label;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(summary_fields[i].label));
      label = gtk_label_new (count);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->summary_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->summary_list), TRUE);
}

static void
on_project_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  CbWindow *self = data->self;
  g_autoptr(CbProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = cb_project_load_from_file_finish (result, &error);

  /* Superseded by another file, or the window is gone. */
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  g_clear_object (&self->cancellable);

  if (project == NULL)
    {
      g_debug ("Could not open %s: %s", g_file_peek_path (data->file), error->message);
      show_error (self, error);
    }
  else
    {
      self->project = g_steal_pointer (&project);
      show_project (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
    }

  set_loading (self, FALSE);
}

/**
 * cb_window_open:
 * @self: a #CbWindow
 * @file: the project file to show
 *
 * Starts loading @file in the background, replacing the project the window
 * showed. #CbWindow:loading is %TRUE until the load has finished; a load
 * that fails shows its error in the window.
 */
void
cb_window_open (CbWindow *self,
                GFile    *file)
{
  LoadData *data;

  g_return_if_fail (CB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->project != NULL)
    {
      g_clear_object (&self->project);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
    }

  if (self->file != file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  set_loading (self, TRUE);
  show_loading (self);

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->cancellable = g_object_ref (self->cancellable);

  cb_project_load_from_file_async (file,
                                   CB_LOAD_NONE,
                                   self->cancellable,
                                   on_project_loaded,
                                   data);
}

/**
 * cb_window_get_file:
 * @self: a #CbWindow
 *
 * Returns: (transfer none) (nullable): the file the window shows, if any
 */
GFile *
cb_window_get_file (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * cb_window_get_project:
 * @self: a #CbWindow
 *
 * Returns: (transfer none) (nullable): the loaded project, or %NULL while
 *   none is open, while loading and after a failed load
 */
CbProject *
cb_window_get_project (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), NULL);

  return self->project;
}

/**
 * cb_window_get_loading:
 * @self: a #CbWindow
 *
 * Returns: whether a project file is being loaded
 */
gboolean
cb_window_get_loading (CbWindow *self)
{
  g_return_val_if_fail (CB_IS_WINDOW (self), FALSE);

  return self->loading;
}

/**
 * cb_window_new:
 * @application: (nullable): the application the window belongs to
 *
 * Returns: (transfer none): a new, empty #CbWindow, owned by GTK's list of
 *   toplevels
 */
CbWindow *
cb_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (CB_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static gboolean
cb_window_close_request (GtkWindow *window)
{
  CbWindow *self = CB_WINDOW (window);
  int width;
  int height;

  /* The default size is the window's current, unmaximized size. */
  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (cb_window_parent_class)->close_request (window);
}

static void
cb_window_dispose (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CB_TYPE_WINDOW);

  G_OBJECT_CLASS (cb_window_parent_class)->dispose (object);
}

static void
cb_window_finalize (GObject *object)
{
  CbWindow *self = CB_WINDOW (object);

  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cb_window_parent_class)->finalize (object);
}

static void
cb_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CbWindow *self = CB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cb_window_class_init (CbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cb_window_dispose;
  object_class->finalize = cb_window_finalize;
  object_class->get_property = cb_window_get_property;

  window_class->close_request = cb_window_close_request;

  /**
   * CbWindow:file: (nullable)
   *
   * The project file the window shows.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * CbWindow:project: (nullable)
   *
   * The loaded project.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         CB_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * CbWindow:loading:
   *
   * Whether a project file is being loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, CbWindow, summary_list);
}

static void
cb_window_init (CbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#ifdef DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new (BASE_APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  show_empty (self);
}
