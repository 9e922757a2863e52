/** Development only: the real task pane beside a grid that shows the simulated sheet, so the flow can be tried in a browser. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { createOfficeHost } from '../excel/office-host';
import { popupDialog } from '../excel/sign-in-dialog';
import { SheetGrid } from './SheetGrid';
import { sharedSimulatedExcel } from './shared-workbook';

const excel = sharedSimulatedExcel();
const host = createOfficeHost(excel);
// ?chunkRows=20 sends uploads in small chunks, so Cancel can be tried on the demo data.
const chunkRows = Number(new URLSearchParams(window.location.search).get('chunkRows')) || undefined;

createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <div style={{ display: 'flex', height: '100vh' }}>
      <div style={{ flex: 1, minWidth: 0, overflow: 'hidden', borderRight: '1px solid #ccc' }}>
        <SheetGrid workbook={excel.workbook} />
      </div>
      <div style={{ width: 360, overflow: 'auto' }}>
        <App host={host} baseURL={window.location.origin} chunkRows={chunkRows} openDialog={popupDialog} />
      </div>
    </div>
  </FluentProvider>,
);
