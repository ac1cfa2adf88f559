// The app, loaded by the entry (src/main.ts) once the data's requests are under way. First: DuckDB's worker and wasm
// start loading before Vue, ECharts and the views are evaluated.
import './engineBoot'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import './styles.css'

createApp(App).use(createPinia()).use(router).mount('#app')
