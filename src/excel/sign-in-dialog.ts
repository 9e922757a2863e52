/**
 * The sign-in dialog: Office's dialog API in Office (Office.context.ui.displayDialogAsync, its DialogMessageReceived
 * and DialogEventReceived events), and, in the simulated host (preview page, tests), a stand-in that behaves the same:
 * a popup window whose page's messageParent arrives as a postMessage from the same origin, and closing it is a cancel.
 * Microsoft's "Use the Office dialog API in Office Add-ins": the dialog page must be on the add-in's domain, messages
 * are strings, and error 12006 is the user closing the dialog.
 */
export type OpenDialog = (url: string) => Promise<string>;

const CLOSED = 'The sign-in window was closed before the sign-in finished.';

export const officeDialog: OpenDialog = (url) =>
  new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, displayInIframe: false }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(`The sign-in window could not open (${result.error.message}).`));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        resolve((arg as { message: string }).message);
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => reject(new Error(CLOSED)));
    });
  });

/** The simulated host's stand-in for the dialog API (the same contract: one string message, or closed). */
export const popupDialog: OpenDialog = (url) =>
  new Promise((resolve, reject) => {
    const popup = window.open(url, 'bw-sign-in', 'width=480,height=640');
    if (!popup) {
      reject(new Error('The sign-in window could not open: allow pop-ups for this page.'));
      return;
    }
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== popup) return;
      finish();
      popup.close();
      resolve(String(event.data));
    };
    const timer = setInterval(() => {
      if (popup.closed) {
        finish();
        reject(new Error(CLOSED));
      }
    }, 500);
    const finish = () => {
      clearInterval(timer);
      window.removeEventListener('message', onMessage);
    };
    window.addEventListener('message', onMessage);
  });
