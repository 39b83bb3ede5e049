import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "@utrecht/table-css/dist/index.css";
import "@utrecht/alert-css/dist/index.css";
import "@utrecht/select-css/dist/index.css";
import "./styles/app.css";
import "./i18n/index.js";
import { App } from "./App.js";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element to render the app into");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
