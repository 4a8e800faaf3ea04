"""The evaluation beside the product: the gold set (`evaluate`), the report layouts (`layouts`) and the bench of
generated and real reports (`bench`), all run by `reportqa eval`. The app, the API, the UI and `reportqa ask` never
import it."""
