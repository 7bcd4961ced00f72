package jp.tachiiri.platform;

import com.gluonhq.attach.lifecycle.LifecycleEvent;
import com.gluonhq.attach.lifecycle.LifecycleService;

/**
 * Tells the app when the platform sends it to the background (a tablet's home button, an incoming call),
 * where it may be killed without warning: the moment to store anything still pending.
 */
public final class AppLifecycle {

    private AppLifecycle() {
    }

    public static void onPause(Runnable action) {
        LifecycleService.create().ifPresent(service -> service.addListener(LifecycleEvent.PAUSE, action));
    }
}
