package org.descent.ui.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.Hyperparameter;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;

/**
 * Every contribution to Descent's extension points with its contributing bundle, filterable
 * and sortable, with the selected contribution's documentation and declared hyperparameters.
 * It renders what {@link ContributionRegistry} reads; {@code descent plugins} prints the same.
 */
public final class ContributionsView {

    public static final String ID = "org.descent.ui.views.contributions";

    /** What the summary and the details say until the contributions are read. */
    static final String READING = "Reading the contributions...";

    /** The table's columns: header, value, width. */
    /**
     * Shares the table's width among the columns in proportion to their widths, none narrower
     * than its header, so that every column shows at any window size.
     */
    private static void fitColumns(Table table) {
        int width = table.getClientArea().width;
        if (width <= 0) {
            return;
        }
        int total = COLUMNS.stream().mapToInt(Column::width).sum();
        GC gc = new GC(table);
        try {
            int used = 0;
            for (int i = 0; i < COLUMNS.size(); i++) {
                // the header's text, GTK's padding around it and the sort arrow
                int header = gc.textExtent(COLUMNS.get(i).header()).x + 40;
                int w = i < COLUMNS.size() - 1 ? Math.max(header, COLUMNS.get(i).width() * width / total)
                        : Math.max(header, width - used);
                table.getColumn(i).setWidth(w);
                used += w;
            }
        } finally {
            gc.dispose();
        }
    }

    private record Column(String header, Function<Contribution, String> value, int width) {
    }

    private static final List<Column> COLUMNS = List.of(new Column("Kind", Contribution::kind, 110),
            new Column("Id", Contribution::id, 170), new Column("Name", Contribution::name, 230),
            new Column("Bundle", Contribution::bundle, 230),
            new Column("Extension point", Contribution::extensionPoint, 280));

    private TableViewer viewer;
    private Text details;
    private ContributionRegistry registry;

    @PostConstruct
    public void createControls(Composite parent, ContributionRegistry contributionRegistry) {
        this.registry = contributionRegistry;
        GridLayoutFactory.fillDefaults().numColumns(3).margins(6, 6).applyTo(parent);

        Label filterLabel = new Label(parent, SWT.NONE);
        filterLabel.setText("&Filter:");
        Text filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("kind, id, name or bundle");
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(filter);
        Label summary = new Label(parent, SWT.NONE);
        summary.setText(READING);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(sash);
        viewer = new TableViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        ColumnSorter sorter = new ColumnSorter();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column column = COLUMNS.get(i);
            TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
            c.getColumn().setText(column.header());
            c.getColumn().setWidth(column.width());
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.value().apply((Contribution) element);
                }

                @Override
                public String getToolTipText(Object element) {
                    return ((Contribution) element).description();
                }
            });
            int index = i;
            c.getColumn().addListener(SWT.Selection, e -> sorter.sortBy(index, c.getColumn()));
        }
        table.addListener(SWT.Resize, e -> fitColumns(table));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setComparator(sorter);
        viewer.addFilter(new TextFilter(filter));
        filter.addModifyListener(e -> viewer.refresh());

        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        details.setText(READING);
        sash.setWeights(65, 35);
        viewer.addSelectionChangedListener(e -> showDetails((IStructuredSelection) e.getSelection()));
        read(parent.getDisplay(), summary);
    }

    /**
     * Reads the contributions in a job: the first read loads every contribution's class and its
     * extension point's schema, a second or more of bundle I/O that the workbench's first window
     * waited for when this view read them while it was drawn; at the start it waits until the
     * window is drawn ({@link AfterStartup}).
     */
    private void read(Display display, Label summary) {
        Job job = Job.create("Reading Descent's contributions", monitor -> {
            List<Contribution> all;
            String text;
            String overview;
            try {
                all = registry.contributions();
                text = summary(registry);
                overview = overview(registry);
            } catch (RuntimeException e) {
                // the view says so instead of reading forever; the log has the trace
                ILog.of(ContributionsView.class).log(Status.error("Cannot read Descent's contributions", e));
                all = List.of();
                text = "The contributions could not be read";
                overview = text + ": " + e + " (details in the workspace log, .metadata/.log)";
            }
            List<Contribution> rows = all;
            String summaryText = text;
            String detailsText = overview;
            display.asyncExec(() -> {
                if (summary.isDisposed() || viewer.getControl().isDisposed()) {
                    return;
                }
                summary.setText(summaryText);
                summary.getParent().layout(new Control[] { summary });
                viewer.setInput(rows);
                if (viewer.getStructuredSelection().isEmpty()) {
                    details.setText(detailsText);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        AfterStartup.run(job::schedule);
    }

    private void showDetails(IStructuredSelection selection) {
        if (selection.getFirstElement() instanceof Contribution c) {
            details.setText(describe(c));
        } else if (viewer.getInput() != null) {
            details.setText(overview(registry));
        }
    }

    static String summary(ContributionRegistry registry) {
        List<Contribution> all = registry.contributions();
        long bundles = all.stream().map(Contribution::bundle).distinct().count();
        String s = all.size() + " contributions from " + bundles + (bundles == 1 ? " bundle" : " bundles") + " to "
                + registry.extensionPoints().size() + " extension points";
        int left = registry.problems().size();
        return left == 0 ? s : s + "; " + left + " left out";
    }

    /** What the details pane shows with nothing selected: the extension points and what was left out. */
    public static String overview(ContributionRegistry registry) {
        StringBuilder sb = new StringBuilder("Select a contribution to see its documentation and hyperparameters.\n\n");
        sb.append("Descent's extension points:\n");
        for (String point : registry.extensionPoints()) {
            sb.append("  ").append(point).append(" (").append(registry.contributions(point).size()).append(")\n");
        }
        List<ContributionProblem> problems = registry.problems();
        if (!problems.isEmpty()) {
            sb.append("\nLeft out because they are broken: their declaration, or their class (missing, of the wrong type,"
                    + " not a concrete public class); details in the workspace log, .metadata/.log:\n");
            for (ContributionProblem p : problems) {
                sb.append("  ").append(p).append('\n');
            }
        }
        return sb.toString();
    }

    /** The details of one contribution. */
    static String describe(Contribution c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.name()).append("  (").append(c.kind()).append(" '").append(c.id()).append("')\n");
        if (!c.description().isEmpty()) {
            sb.append('\n').append(c.description()).append("\n");
        }
        sb.append("\nContributed by bundle ").append(c.bundle()).append(" to ").append(c.extensionPoint()).append('\n');
        if (c.className() != null) {
            sb.append("Implementation: ").append(c.className()).append('\n');
        }
        c.attributes().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        if (!c.hyperparameters().isEmpty()) {
            sb.append("\nHyperparameters:\n");
            for (Hyperparameter h : c.hyperparameters()) {
                sb.append("  ").append(h.summary()).append('\n');
            }
        }
        return sb.toString();
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** Keeps rows that contain the filter text in their kind, id, name or bundle. */
    private static final class TextFilter extends ViewerFilter {
        private final Text text;

        TextFilter(Text text) {
            this.text = text;
        }

        @Override
        public boolean select(Viewer viewer, Object parentElement, Object element) {
            String f = text.getText().strip().toLowerCase(Locale.ROOT);
            if (f.isEmpty()) {
                return true;
            }
            Contribution c = (Contribution) element;
            return (c.kind() + " " + c.id() + " " + c.name() + " " + c.bundle()).toLowerCase(Locale.ROOT).contains(f);
        }
    }

    /** Click a header to sort by that column, again to reverse. */
    private final class ColumnSorter extends ViewerComparator {
        private int column = -1;
        private boolean descending;

        void sortBy(int index, TableColumn header) {
            descending = index == column && !descending;
            column = index;
            Table table = viewer.getTable();
            table.setSortColumn(header);
            table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
            viewer.refresh();
        }

        @Override
        public int compare(Viewer v, Object a, Object b) {
            if (column < 0) {
                return 0; // registry order: extension point, kind, id
            }
            Function<Contribution, String> value = COLUMNS.get(column).value();
            int c = value.apply((Contribution) a).compareToIgnoreCase(value.apply((Contribution) b));
            return descending ? -c : c;
        }
    }
}
