package org.genrelens.ui.shell;

import java.io.File;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.genrelens.ui.common.Icons;
import org.genrelens.ui.detail.SongDetailView;
import org.genrelens.ui.detail.SongDetailViewModel;
import org.genrelens.ui.genres.GenreMapView;
import org.genrelens.ui.genres.GenreMapViewModel;
import org.genrelens.ui.library.LibraryView;
import org.genrelens.ui.review.ReviewView;
import org.genrelens.ui.review.ReviewViewModel;
import org.genrelens.ui.tagging.TaggingView;
import org.genrelens.ui.tagging.TaggingViewModel;
import org.genrelens.ui.train.TrainView;
import org.genrelens.ui.train.TrainViewModel;

/**
 * The main window: toolbar, Library / Tagging / Train / Genres / Review tabs, status bar; the welcome screen until
 * folders are chosen. Shortcuts: Ctrl+O add folder, F5 rescan, Ctrl+F search, Ctrl+P play/pause, Ctrl+1..5 the tabs.
 */
public final class MainWindow extends BorderPane {

    private final MainViewModel main;
    private final TabPane tabs = new TabPane();
    private final LibraryView libraryView;
    private final SongDetailViewModel detail;

    public MainWindow(MainViewModel main, SongDetailViewModel detail, TaggingViewModel tagging,
            TrainViewModel train, GenreMapViewModel genres, ReviewViewModel review) {
        this.main = main;
        this.detail = detail;
        setId("main-window");
        libraryView = new LibraryView(main.library(), new SongDetailView(detail));
        libraryView.table().getSelectionModel().selectedItemProperty().addListener((o, before, after) ->
                detail.show(after));

        Tab libraryTab = new Tab("Library", libraryView);
        libraryTab.setId("library-tab");
        Tab taggingTab = new Tab("Tagging", new TaggingView(tagging));
        taggingTab.setId("tagging-tab");
        taggingTab.setOnSelectionChanged(event -> {
            if (taggingTab.isSelected()) {
                tagging.refreshHistory();
            }
        });
        Tab trainTab = new Tab("Train", new TrainView(train));
        trainTab.setId("train-tab");
        Tab genresTab = new Tab("Genres", new GenreMapView(genres));
        genresTab.setId("genres-tab");
        Tab reviewTab = new Tab("Review", new ReviewView(review));
        reviewTab.setId("review-tab");
        tabs.getTabs().addAll(libraryTab, taggingTab, trainTab, genresTab, reviewTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Pane welcome = new FirstRunPane(this::chooseFolders, main::addFolders, () -> {
            main.dismissWelcome();
            tabs.getSelectionModel().select(trainTab);
        });
        welcome.visibleProperty().bind(main.firstRunProperty());
        tabs.visibleProperty().bind(main.firstRunProperty().not());
        setCenter(new StackPane(tabs, welcome));
        setTop(toolbar());
        setBottom(new StatusBar(main, main.runner().activity()));
        // folders can be dropped anywhere on the window, not only on the welcome screen
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(javafx.scene.input.TransferMode.COPY_OR_MOVE);
            }
        });
        setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                main.addFolders(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(files);
        });
    }

    private ToolBar toolbar() {
        Button add = new Button("Add folder", Icons.icon(Icons.FOLDER_ADD));
        add.setId("add-folder");
        add.setTooltip(new Tooltip("Add a music folder (Ctrl+O)"));
        add.setOnAction(event -> chooseFolders());
        Button rescan = new Button("Rescan", Icons.icon(Icons.REFRESH));
        rescan.setId("rescan");
        rescan.setTooltip(new Tooltip("Find new and changed songs and analyse them (F5)"));
        rescan.disableProperty().bind(main.runner().activity().runningProperty());
        rescan.setOnAction(event -> main.rescan());
        Button analyse = new Button("Analyse", Icons.icon(Icons.ANALYSE));
        analyse.setTooltip(new Tooltip("Analyse songs the current model has not analysed yet"));
        analyse.disableProperty().bind(main.runner().activity().runningProperty());
        analyse.setOnAction(event -> main.analyse());
        Button quick = new Button("Quick look");
        quick.setId("quick-analyse");
        quick.setTooltip(new Tooltip("Analyse 4 windows per song, decoding only those parts: a fast first look that "
                + "a full analysis later replaces"));
        quick.disableProperty().bind(main.runner().activity().runningProperty());
        quick.setOnAction(event -> main.analyse(org.genrelens.model.AnalysisMode.QUICK));
        ToggleButton dark = new ToggleButton("Dark", Icons.icon(Icons.THEME));
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(main.darkThemeProperty());
        dark.selectedProperty().addListener((o, before, after) -> main.setDarkTheme(after));
        return new ToolBar(add, rescan, analyse, quick, dark);
    }

    /** Installs the keyboard shortcuts on the scene. */
    public void installShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFolders);
        accelerators.put(new KeyCodeCombination(KeyCode.F5), main::rescan);
        accelerators.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(0);
            libraryView.focusSearch();
        });
        accelerators.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), detail::togglePlayback);
        for (int i = 0; i < tabs.getTabs().size(); i++) {
            int index = i;
            accelerators.put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> tabs.getSelectionModel().select(index));
        }
    }

    public TabPane tabs() {
        return tabs;
    }

    public LibraryView libraryView() {
        return libraryView;
    }

    private void chooseFolders() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a music folder");
        Window window = getScene() == null ? null : getScene().getWindow();
        File folder = chooser.showDialog(window);
        if (folder != null) {
            main.addFolders(List.of(folder.toPath()));
        }
    }
}
