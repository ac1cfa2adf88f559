import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { getEngine } from './stores/dataset'
import './styles.css'

// DuckDB's worker and 34 MB wasm are the long pole of start-up: start them before Vue mounts the shell.
void getEngine()
createApp(App).use(createPinia()).use(router).mount('#app')
