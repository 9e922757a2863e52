import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { choosePaneHost } from './host';
import { officeDialog, popupDialog } from '../excel/sign-in-dialog';

async function main(): Promise<void> {
  const pane = await choosePaneHost();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <FluentProvider theme={webLightTheme}>
      {pane.kind === 'none' ? (
        <MessageBar intent="warning">
          <MessageBarBody>Open Benefits Workbook from the Home tab in Excel.</MessageBarBody>
        </MessageBar>
      ) : (
        <App host={pane.host} baseURL={window.location.origin} openDialog={pane.kind === 'excel' ? officeDialog : popupDialog} />
      )}
    </FluentProvider>,
  );
}

void main();
